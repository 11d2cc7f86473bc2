import { csvCell, formatMetric, metricsToCsv } from './metricFormat';
import { aMetricSet, aMetricsResponse } from './__fixtures__';

describe('formatMetric', () => {
  it('shows each unit in words and a dash for a figure that cannot be computed', () => {
    expect(formatMetric({ value: 0.755 }, 'ratio')).toBe('75.5%');
    expect(formatMetric({ value: 12.34 }, 'hours')).toBe('12.3 h');
    expect(formatMetric({ value: 3.5 }, 'rating')).toBe('3.5 / 5');
    expect(formatMetric({ value: 2 }, 'per-week')).toBe('2 / week');
    expect(formatMetric({ value: null }, 'ratio')).toBe('–');
    expect(formatMetric(undefined, 'count')).toBe('–');
  });
});

describe('metricsToCsv', () => {
  it('writes the totals and one row per group with raw values, quoting where needed', () => {
    const csv = metricsToCsv(
      aMetricsResponse({
        groupBy: 'system',
        groups: [
          {
            key: 'system:default/checkout',
            label: 'Checkout, payments',
            metrics: aMetricSet({ successfulReleaseRate: 0.5 }),
          },
        ],
      }),
    );
    const [header, total, group] = csv.split('\n');
    expect(header.startsWith('group,label,successfulReleaseRate,')).toBe(true);
    expect(total.startsWith('total,Total,0.75,')).toBe(true);
    expect(
      group.startsWith('system:default/checkout,"Checkout, payments",0.5,,'),
    ).toBe(true);
  });
});

describe('csvCell', () => {
  it('keeps text a spreadsheet would run as a formula from running', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(
      `"'=HYPERLINK(""http://x"",""y"")"`,
    );
    expect(csvCell('+1+cmd')).toBe("'+1+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tlabel')).toBe("'\tlabel");
  });

  it('leaves numbers and plain text as they are', () => {
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('1.5e-3')).toBe('1.5e-3');
    expect(csvCell('system:default/checkout')).toBe('system:default/checkout');
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});

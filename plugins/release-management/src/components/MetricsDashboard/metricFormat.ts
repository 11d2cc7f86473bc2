import type {
  MetricDefinition,
  MetricsResponse,
  MetricValue,
} from '@release-management/plugin-release-management-common';

/** A figure in words: a percentage for a ratio, a unit for the rest, a dash for none. */
export function formatMetric(
  value: MetricValue | undefined,
  unit: MetricDefinition['unit'],
): string {
  if (value?.value === null || value?.value === undefined) return '–';
  const v = value.value;
  const number = (digits: number) =>
    v.toLocaleString('en-US', { maximumFractionDigits: digits });
  switch (unit) {
    case 'ratio':
      return `${(v * 100).toLocaleString('en-US', {
        maximumFractionDigits: 1,
      })}%`;
    case 'count':
      return number(0);
    case 'minutes':
      return `${number(0)} min`;
    case 'hours':
      return `${number(1)} h`;
    case 'days':
      return `${number(1)} d`;
    case 'per-week':
      return `${number(2)} / week`;
    case 'per-day':
      return `${number(2)} / day`;
    case 'rating':
      return `${number(2)} / 5`;
    default:
      return number(2);
  }
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return; group labels are model,
 * team and entity names anyone may choose) gets a leading apostrophe, as
 * OWASP advises against CSV injection; numbers stay numbers.
 */
export const csvCell = (value: string) => {
  const text =
    /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)
      ? `'${value}`
      : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The metrics as CSV: one row for the totals and one per group, one
 * column per figure with its raw value (ratios as fractions), so that a
 * spreadsheet can compute with them.
 */
export function metricsToCsv(metrics: MetricsResponse): string {
  const keys = metrics.definitions.map(d => d.key);
  const header = ['group', 'label', ...keys];
  const row = (key: string, label: string, set: MetricsResponse['totals']) =>
    [
      key,
      label,
      ...keys.map(k => {
        const value = set[k]?.value;
        return value === null || value === undefined ? '' : String(value);
      }),
    ]
      .map(csvCell)
      .join(',');
  return [
    header.join(','),
    row('total', 'Total', metrics.totals),
    ...metrics.groups.map(g => row(g.key, g.label, g.metrics)),
  ].join('\n');
}

import fc from 'fast-check';
import { RRule } from 'rrule';
import { expandOccurrences, recurrenceTooSparse } from './occurrences';
import { parseRecurrenceRule } from './recurrenceRule';
import {
  boundPeriods,
  hourlyRuleUnreachable,
  MAX_PERIODS_PER_EXPANSION,
  ruleFrom,
} from './ruleIteration';

const YEAR = 365.25 * 86_400_000;

// Rules of the grammar parseRecurrenceRule accepts, finer parts included.
const ruleText = fc
  .record(
    {
      FREQ: fc.constantFrom('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'),
      INTERVAL: fc.integer({ min: 1, max: 5 }).map(String),
      BYDAY: fc
        .subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 })
        .map(days => days.join(',')),
      BYMONTHDAY: fc
        .subarray([1, 2, 15, 28, 29, 30, 31, -1], { minLength: 1 })
        .map(days => days.join(',')),
      BYMONTH: fc
        .subarray([1, 2, 3, 6, 12], { minLength: 1 })
        .map(months => months.join(',')),
      BYHOUR: fc
        .subarray([0, 6, 13, 23], { minLength: 1 })
        .map(hours => hours.join(',')),
      BYSETPOS: fc.constantFrom('1', '-1', '2'),
      WKST: fc.constantFrom('MO', 'SU'),
    },
    { requiredKeys: ['FREQ'] },
  )
  .map(parts =>
    Object.entries(parts)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
  );

// A first occurrence in the floating time rrule works in.
const dtstart = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-01-01T00:00:00Z'),
  })
  .map(d => new Date(Math.floor(d.getTime() / 60_000) * 60_000));

describe('ruleFrom', () => {
  it('has the same occurrences from `from` on as the rule from its DTSTART', () => {
    fc.assert(
      fc.property(
        ruleText,
        dtstart,
        fc.integer({ min: 0, max: 6 * 365 }),
        fc.integer({ min: 1, max: 40 }),
        (text, start, offsetDays, days) => {
          const options = parseRecurrenceRule(text);
          // rrule itself never returns from these (see hourlyRuleUnreachable).
          fc.pre(!hourlyRuleUnreachable(options, start));
          const from = start.getTime() + offsetDays * 86_400_000;
          const to = from + days * 86_400_000;
          const original = new RRule({ ...options, dtstart: start });
          const moved = ruleFrom(options, start, from);
          // Rules that match nothing would take both to the year 9999:
          // they are compared up to the bound and only when it held.
          const bound = boundPeriods(original, 20_000);
          const expected = original.between(new Date(from), new Date(to), true);
          boundPeriods(moved, 20_000);
          const actual = moved.between(new Date(from), new Date(to), true);
          fc.pre(!bound.exhausted());
          expect(actual.map(d => d.toISOString())).toEqual(
            expected.map(d => d.toISOString()),
          );
        },
      ),
      { numRuns: 100, seed: 20261207 },
    );
  });
});

describe('hourlyRuleUnreachable', () => {
  it('tells the hourly rules rrule would loop on forever', () => {
    const at21 = new Date('2029-03-17T21:00:00Z');
    const unreachable = (rule: string) =>
      hourlyRuleUnreachable(parseRecurrenceRule(rule), at21);
    expect(unreachable('FREQ=HOURLY;INTERVAL=3;BYHOUR=23')).toBe(true);
    expect(unreachable('FREQ=HOURLY;INTERVAL=3;BYHOUR=23,0')).toBe(false);
    expect(unreachable('FREQ=HOURLY;INTERVAL=5;BYHOUR=23')).toBe(false);
    expect(unreachable('FREQ=DAILY;INTERVAL=3;BYHOUR=23')).toBe(false);
  });

  it('makes expandOccurrences answer such a window with nothing', () => {
    const window = {
      start: '2029-03-17T21:00:00Z',
      end: '2029-03-17T21:30:00Z',
      timeZone: 'UTC',
      rrule: 'FREQ=HOURLY;INTERVAL=3;BYHOUR=23',
    };
    expect(
      expandOccurrences(window, '2029-03-17T00:00:00Z', '2029-04-01T00:00:00Z'),
    ).toEqual([]);
  });
});

describe('boundPeriods', () => {
  it('stops a rule that matches nothing after the given number of periods', () => {
    // 30 February: rrule alone would walk every day up to the year 9999.
    const rule = new RRule({
      ...parseRecurrenceRule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
      dtstart: new Date('2026-01-01T00:00:00Z'),
    });
    const bound = boundPeriods(rule, 1000);
    expect(
      rule.between(
        new Date('2026-01-01T00:00:00Z'),
        new Date('2027-01-01T00:00:00Z'),
        true,
      ),
    ).toEqual([]);
    expect(bound.exhausted()).toBe(true);
  });

  it('leaves a rule that ends within the bound alone', () => {
    const rule = new RRule({
      ...parseRecurrenceRule('FREQ=DAILY'),
      dtstart: new Date('2026-01-01T00:00:00Z'),
    });
    const bound = boundPeriods(rule, 1000);
    expect(
      rule.between(
        new Date('2026-01-01T00:00:00Z'),
        new Date('2026-01-11T00:00:00Z'),
      ),
    ).toHaveLength(9);
    expect(bound.exhausted()).toBe(false);
  });
});

describe('expandOccurrences under hostile ranges', () => {
  it('answers any rule for any range up to the year 9999 within a bounded time', () => {
    // The property behind the bound on work: whatever the rule and however
    // far its range lies from its start, one expansion visits at most
    // MAX_PERIODS_PER_EXPANSION periods. 1 s is far above the worst case
    // measured (see the recurrence benchmark), so this fails only when the
    // bound is gone, not on a slow machine.
    fc.assert(
      fc.property(
        ruleText,
        dtstart,
        fc.double({ min: 0, max: 7970, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (text, start, yearsAhead, days) => {
          const from = new Date(start.getTime() + yearsAhead * YEAR);
          const to = new Date(from.getTime() + days * 86_400_000);
          const window = {
            start: start.toISOString(),
            end: new Date(start.getTime() + 3_600_000).toISOString(),
            timeZone: 'Europe/Oslo',
            rrule: text,
          };
          const started = performance.now();
          expandOccurrences(window, from.toISOString(), to.toISOString());
          expect(performance.now() - started).toBeLessThan(1_000);
        },
      ),
      { numRuns: 100, seed: 20261207 },
    );
  });

  it('refuses rules that occur too rarely to expand, and keeps rare real ones', () => {
    const window = (rrule: string) => ({
      start: '2026-01-01T09:00:00Z',
      end: '2026-01-01T10:00:00Z',
      timeZone: 'UTC',
      rrule,
    });
    expect(
      recurrenceTooSparse(window('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')),
    ).toMatch(`no occurrence within the ${MAX_PERIODS_PER_EXPANSION} steps`);
    expect(
      recurrenceTooSparse(window('FREQ=DAILY;INTERVAL=7;BYDAY=TU')),
    ).toMatch(/too rarely or never/);
    // 29 February comes every four years: 1,461 days, well within the bound.
    expect(
      recurrenceTooSparse(window('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29')),
    ).toBeUndefined();
    expect(recurrenceTooSparse(window('FREQ=WEEKLY;BYDAY=FR'))).toBeUndefined();
  });
});

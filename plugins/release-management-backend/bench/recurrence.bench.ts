/*
 * Recurrence benchmark: the worst requests a reader can make of a repeating
 * window — far-future ranges and rules that match nothing — timed with the
 * expansion as it is (DTSTART moved to the range, periods bounded) beside
 * the way it was: rrule iterated from the window's first occurrence.
 *
 *   scripts/bench recurrence
 */
import {
  expandOccurrences,
  parseRecurrenceRule,
} from '@release-management/plugin-release-management-common';
import { performance } from 'node:perf_hooks';
import { RRule } from 'rrule';

// Ten years back: the oldest first occurrence a window saved within the
// API's horizon can have, asked about at the horizon's other end.
const START = '2016-12-07T18:00:00Z';

const CASES = [
  {
    rrule: 'FREQ=DAILY',
    from: '2036-11-01T00:00:00Z',
    to: '2036-12-01T00:00:00Z',
  },
  {
    rrule: 'FREQ=HOURLY',
    from: '2036-11-01T00:00:00Z',
    to: '2036-12-01T00:00:00Z',
  },
  {
    rrule: 'FREQ=HOURLY;INTERVAL=2;BYHOUR=3',
    from: '2036-11-01T00:00:00Z',
    to: '2036-12-01T00:00:00Z',
  },
  {
    rrule: 'FREQ=DAILY',
    from: '9000-01-01T00:00:00Z',
    to: '9000-02-01T00:00:00Z',
  },
  {
    rrule: 'FREQ=DAILY',
    from: '5000-01-01T00:00:00Z',
    to: '5000-01-31T00:00:00Z',
  },
  {
    rrule: 'FREQ=HOURLY',
    from: '3000-01-01T00:00:00Z',
    to: '3000-01-31T00:00:00Z',
  },
  {
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    from: '9000-01-01T00:00:00Z',
    to: '9000-02-01T00:00:00Z',
  },
  {
    rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    from: '2027-01-01T00:00:00Z',
    to: '2027-02-01T00:00:00Z',
  },
  {
    rrule: 'FREQ=DAILY',
    from: '2027-01-01T00:00:00Z',
    to: '2027-02-01T00:00:00Z',
  },
];

/**
 * The expansion before the bound: rrule from the first occurrence on. It
 * never returns from an hourly rule that cannot reach its BYHOUR, so that
 * one is reported, not run.
 */
function baseline(rrule: string, from: string, to: string): number {
  if (rrule.includes('BYHOUR=3') && rrule.includes('INTERVAL=2')) return NaN;
  const rule = new RRule({
    ...parseRecurrenceRule(rrule),
    dtstart: new Date(START),
  });
  return rule.between(new Date(from), new Date(to), true).length;
}

function time(run: () => number, times: number) {
  const ms: number[] = [];
  let count = 0;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    count = run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], count };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

console.log(
  `Expanding a window that starts ${START}, one request's range each (ours: 20 runs; before: 1 run)\n`,
);
console.log(
  'rule | range | ours p50 | ours max | before | occurrences ours / before',
);
let worstOurs = 0;
let worstBefore = 0;
for (const c of CASES) {
  const window = {
    start: START,
    end: new Date(Date.parse(START) + 3_600_000).toISOString(),
    timeZone: 'UTC',
    rrule: c.rrule,
  };
  const ours = time(() => expandOccurrences(window, c.from, c.to).length, 20);
  const before = time(() => baseline(c.rrule, c.from, c.to), 1);
  worstOurs = Math.max(worstOurs, ours.max);
  const loops = Number.isNaN(before.count);
  if (!loops) worstBefore = Math.max(worstBefore, before.max);
  console.log(
    `${c.rrule} | ${c.from.slice(0, 10)} – ${c.to.slice(0, 10)} | ${fmt(
      ours.p50,
    )} | ${fmt(ours.max)} | ${loops ? 'never returns' : fmt(before.max)} | ${
      ours.count
    } / ${loops ? '–' : before.count}`,
  );
}
console.log(
  `\nWorst case: ours ${fmt(worstOurs)}, before ${fmt(worstBefore)} (${(
    worstBefore / worstOurs
  ).toFixed(0)}× less work per request)`,
);

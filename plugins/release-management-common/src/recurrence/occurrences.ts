import { DateTime } from 'luxon';
import { parseRecurrenceRule } from './recurrenceRule';
import {
  boundPeriods,
  hourlyRuleUnreachable,
  MAX_PERIODS_PER_EXPANSION,
  ruleFrom,
} from './ruleIteration';

/**
 * Stops a pathological rule from exhausting memory.
 *
 * @public
 */
export const MAX_OCCURRENCES_PER_WINDOW = 2000;

/**
 * When a window happens: its first (or only) occurrence, its zone and,
 * for a repeating window, an RFC 5545 RRULE without DTSTART.
 *
 * @public
 */
export type WindowTimes = {
  start: string;
  end: string;
  timeZone: string;
  rrule?: string;
};

/** One occurrence of a window, as UTC instants. @public */
export type OccurrenceTimes = { start: string; end: string };

const DAY = 86_400_000;
/**
 * How far ahead the next occurrences are looked for: two years and a bit.
 * A rule that repeats less often (every other year, 29 February) shows no
 * next occurrence beyond it.
 */
const HORIZON_DAYS = 800;

/**
 * The occurrences of a window that overlap [from, to), in order.
 * Intervals are half-open: an occurrence ending at `from` is outside.
 * Throws when the rule is not a valid RRULE.
 *
 * @public
 */
export function expandOccurrences(
  window: WindowTimes,
  from: string,
  to: string,
): OccurrenceTimes[] {
  const rangeStart = Date.parse(from);
  const rangeEnd = Date.parse(to);
  const result: OccurrenceTimes[] = [];
  walk(window, rangeStart, rangeEnd, (start, end) => {
    if (start.toMillis() < rangeEnd && end.toMillis() > rangeStart) {
      result.push({ start: toUtcIso(start), end: toUtcIso(end) });
    }
    return true;
  });
  return result;
}

/**
 * The next `count` occurrences of a window that have not ended by `from`.
 * Throws when the rule is not a valid RRULE.
 *
 * @public
 */
export function nextOccurrences(
  window: WindowTimes,
  from: string,
  count: number,
): OccurrenceTimes[] {
  const after = Date.parse(from);
  // A window that starts years ahead is looked for from its start.
  const horizon =
    Math.max(after, Date.parse(window.start) || after) + HORIZON_DAYS * DAY;
  const result: OccurrenceTimes[] = [];
  walk(window, after, horizon, (start, end) => {
    if (end.toMillis() > after) {
      result.push({ start: toUtcIso(start), end: toUtcIso(end) });
    }
    return result.length < count;
  });
  return result;
}

/**
 * Whether a repeating window occurs often enough to be expanded within
 * the bound on work: its first occurrence must come within
 * MAX_PERIODS_PER_EXPANSION periods of the rule from its start.
 * A rule that never matches (BYMONTH=2;BYMONTHDAY=30) or matches once in
 * decades of its frequency is refused with the reason; undefined when it
 * is fine. Throws when the rule is not a valid RRULE.
 *
 * @public
 */
export function recurrenceTooSparse(window: WindowTimes): string | undefined {
  if (!window.rrule) return undefined;
  let found = false;
  walk(window, Date.parse(window.start), Number.MAX_SAFE_INTEGER, () => {
    found = true;
    return false;
  });
  if (found) return undefined;
  return `"${window.rrule}" occurs too rarely or never: no occurrence within the ${MAX_PERIODS_PER_EXPANSION} steps (days, or hours of an hourly rule) an expansion may take from its start`;
}

// The last instant rrule can reach (its MAXYEAR is 9999).
const MAX_INSTANT = Date.UTC(9999, 11, 31);

/**
 * Visits, in order, the occurrences that may overlap [from, to) and a few
 * around it, until `visit` answers false. Invalid start or end times give
 * no occurrences. The rule is iterated from just before `from`, not from
 * its first occurrence, and visits at most MAX_PERIODS_PER_EXPANSION of its
 * periods: `exhausted` tells when it stopped there.
 */
function walk(
  window: WindowTimes,
  from: number,
  to: number,
  visit: (start: DateTime, end: DateTime) => boolean,
): { exhausted: boolean } {
  const zone = window.timeZone;
  const first = {
    start: DateTime.fromISO(window.start, { zone }),
    end: DateTime.fromISO(window.end, { zone }),
  };
  if (!first.start.isValid || !first.end.isValid) return { exhausted: false };
  if (!window.rrule) {
    visit(first.start, first.end);
    return { exhausted: false };
  }
  // rrule computes in "floating" time: wall-clock fields stored as UTC. We
  // expand there and give each occurrence its zone afterwards, so a 18:00
  // freeze stays at 18:00 local time on both sides of a DST change, and its
  // end keeps its wall-clock time too (a Saturday 22:00 to Sunday 06:00
  // freeze ends at 06:00 even on the night the clocks change).
  const floatingStart = toFloating(first.start);
  const wallDuration = toFloating(first.end) - floatingStart;
  // Search a little wider than the range in floating time: offsets shift
  // the two apart by up to a day, and occurrences that began before `from`
  // may still be running.
  const searchFrom = Math.max(
    toFloating(DateTime.fromMillis(from, { zone })) - wallDuration - DAY,
    floatingStart,
  );
  const searchTo =
    toFloating(DateTime.fromMillis(Math.min(to, MAX_INSTANT), { zone })) + DAY;
  const options = parseRecurrenceRule(window.rrule);
  if (hourlyRuleUnreachable(options, new Date(floatingStart))) {
    return { exhausted: true };
  }
  const rule = ruleFrom(options, new Date(floatingStart), searchFrom);
  const bound = boundPeriods(rule, MAX_PERIODS_PER_EXPANSION);
  let seen = 0;
  rule.between(new Date(searchFrom), new Date(searchTo), true, date => {
    const start = fromFloating(date.getTime(), zone);
    let end = fromFloating(date.getTime() + wallDuration, zone);
    // A start in a spring-forward gap moves forward by the gap (RFC 5545
    // §3.3.5) and may reach the end; keep the window's length instead of
    // letting it vanish.
    if (end <= start) end = start.plus({ milliseconds: wallDuration });
    seen++;
    return visit(start, end) && seen < MAX_OCCURRENCES_PER_WINDOW;
  });
  return { exhausted: bound.exhausted() };
}

function toFloating(instant: DateTime): number {
  return Date.UTC(
    instant.year,
    instant.month - 1,
    instant.day,
    instant.hour,
    instant.minute,
    instant.second,
    instant.millisecond,
  );
}

function fromFloating(floating: number, zone: string): DateTime {
  const d = new Date(floating);
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    },
    { zone },
  );
}

function toUtcIso(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: false })!;
}

import type {
  FreezeOccurrence,
  FreezeWindow,
} from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';

/** Stops a pathological rule (FREQ=SECONDLY) from exhausting memory. */
export const MAX_OCCURRENCES_PER_WINDOW = 2000;

type WindowTimes = Pick<FreezeWindow, 'start' | 'end' | 'timeZone' | 'rrule'>;

const DAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
const int = (digits: number) => `[+-]?\\d{1,${digits}}`;

// The rrule library accepts junk silently (BYDAY=XX) or loops forever on it
// (INTERVAL=abc), so every part is checked against the RFC 5545 grammar
// first. Sub-hourly frequencies make no sense for freezes and are refused.
const PARTS: Record<string, RegExp> = {
  FREQ: /^(?:YEARLY|MONTHLY|WEEKLY|DAILY|HOURLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(?:T\d{6}Z?)?$/,
  BYDAY: list(`(?:[+-]?\\d{1,2})?${DAY}`),
  BYMONTH: list('\\d{1,2}'),
  BYMONTHDAY: list(int(2)),
  BYYEARDAY: list(int(3)),
  BYWEEKNO: list(int(2)),
  BYHOUR: list('\\d{1,2}'),
  BYMINUTE: list('\\d{1,2}'),
  BYSECOND: list('\\d{1,2}'),
  BYSETPOS: list(int(3)),
  WKST: new RegExp(`^${DAY}$`),
};

const RANGES: Record<string, [number, number]> = {
  BYMONTH: [1, 12],
  BYMONTHDAY: [-31, 31],
  BYYEARDAY: [-366, 366],
  BYWEEKNO: [-53, 53],
  BYHOUR: [0, 23],
  BYMINUTE: [0, 59],
  BYSECOND: [0, 59],
  BYSETPOS: [-366, 366],
};

/**
 * Parses an RFC 5545 RRULE (without DTSTART). Throws an Error with a
 * readable message when it is not one.
 */
export function parseRecurrenceRule(
  rrule: string,
): ReturnType<typeof RRule.parseString> {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const [key, value, extra] = part.split('=');
    const name = key?.toUpperCase();
    if (name === 'DTSTART') {
      throw new Error(
        `"${rrule}" must not contain DTSTART; the window's start is the first occurrence`,
      );
    }
    const pattern = PARTS[name];
    if (!pattern || value === undefined || extra !== undefined) {
      throw new Error(
        `"${rrule}" is not a valid RRULE: unknown part "${part}"`,
      );
    }
    if (seen.has(name)) {
      throw new Error(`"${rrule}" is not a valid RRULE: ${name} appears twice`);
    }
    seen.add(name);
    if (!pattern.test(value.toUpperCase())) {
      throw new Error(
        `"${rrule}" is not a valid RRULE: bad value in "${part}"`,
      );
    }
    const range = RANGES[name];
    if (range) {
      for (const n of value.split(',').map(Number)) {
        if (n < range[0] || n > range[1] || (range[0] < 0 && n === 0)) {
          throw new Error(
            `"${rrule}" is not a valid RRULE: ${name} values must be within ${range[0]}..${range[1]}`,
          );
        }
      }
    }
  }
  if (!seen.has('FREQ')) {
    throw new Error(`"${rrule}" is not a valid RRULE: FREQ is missing`);
  }
  if (seen.has('COUNT') && seen.has('UNTIL')) {
    throw new Error(
      `"${rrule}" is not a valid RRULE: COUNT and UNTIL cannot both be set`,
    );
  }
  return RRule.parseString(body.toUpperCase());
}

// rrule computes in "floating" time: wall-clock fields stored as UTC. We
// expand there and give each occurrence its zone afterwards, so a 18:00 freeze
// stays at 18:00 local time on both sides of a DST change, and its end keeps
// its wall-clock time too (a Saturday 22:00 to Sunday 06:00 freeze ends at
// 06:00 even on the night the clocks change).
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

/**
 * The occurrences of a freeze window that overlap [from, to), in order.
 * Intervals are half-open: an occurrence ending at `from` is outside.
 */
export function expandOccurrences(
  window: WindowTimes,
  from: string,
  to: string,
): Array<{ start: string; end: string }> {
  const zone = window.timeZone;
  const rangeStart = Date.parse(from);
  const rangeEnd = Date.parse(to);
  const first = {
    start: DateTime.fromISO(window.start, { zone }),
    end: DateTime.fromISO(window.end, { zone }),
  };
  const overlaps = (start: number, end: number) =>
    start < rangeEnd && end > rangeStart;

  if (!window.rrule) {
    return overlaps(first.start.toMillis(), first.end.toMillis())
      ? [{ start: toUtcIso(first.start), end: toUtcIso(first.end) }]
      : [];
  }

  const floatingStart = toFloating(first.start);
  const wallDuration = toFloating(first.end) - floatingStart;
  const rule = new RRule({
    ...parseRecurrenceRule(window.rrule),
    dtstart: new Date(floatingStart),
  });
  // Search a little wider than the range in floating time: offsets shift
  // the two apart by up to a day, and occurrences that began before `from`
  // may still be running.
  const day = 86_400_000;
  const searchFrom =
    toFloating(DateTime.fromMillis(rangeStart, { zone })) - wallDuration - day;
  const searchTo = toFloating(DateTime.fromMillis(rangeEnd, { zone })) + day;

  const result: Array<{ start: string; end: string }> = [];
  const starts = rule.between(
    new Date(searchFrom),
    new Date(searchTo),
    true,
    (_date, i) => i < MAX_OCCURRENCES_PER_WINDOW,
  );
  for (const occurrence of starts) {
    const start = fromFloating(occurrence.getTime(), zone);
    let end = fromFloating(occurrence.getTime() + wallDuration, zone);
    // A start in a spring-forward gap moves forward by the gap (RFC 5545
    // §3.3.5) and may reach the end; keep the window's length instead of
    // letting it vanish.
    if (end <= start) {
      end = start.plus({ milliseconds: wallDuration });
    }
    if (overlaps(start.toMillis(), end.toMillis())) {
      result.push({ start: toUtcIso(start), end: toUtcIso(end) });
    }
  }
  return result;
}

/**
 * Occurrences of many windows in a range, sorted by start. A window whose
 * stored rule no longer parses is left out rather than failing the others.
 */
export function expandFreezeWindows(
  windows: FreezeWindow[],
  from: string,
  to: string,
): FreezeOccurrence[] {
  return windows
    .flatMap(window =>
      safeExpand(window, from, to).map(occurrence => ({
        freezeWindowId: window.id,
        title: window.title,
        severity: window.severity,
        timeZone: window.timeZone,
        scope: window.scope,
        ...occurrence,
      })),
    )
    .sort((a, b) => a.start.localeCompare(b.start));
}

function safeExpand(window: WindowTimes, from: string, to: string) {
  try {
    return expandOccurrences(window, from, to);
  } catch {
    return [];
  }
}

function toUtcIso(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: false })!;
}

import { DateTime } from 'luxon';
import { RRule } from 'rrule';

export interface FreezeTimes {
  start: string;
  end: string;
  timeZone: string;
  rrule?: string;
}

export interface Occurrence {
  start: DateTime;
  end: DateTime;
}

const DAY = 86_400_000;
/** Far enough ahead for any rule a freeze uses (yearly at most). */
const HORIZON_DAYS = 800;

// Same as the backend's expansion: rrule computes in "floating" time
// (wall-clock fields stored as UTC), so a 16:00 freeze stays at 16:00 in
// its zone on both sides of a DST change. Occurrences shown before saving
// must match those the backend will compute after.
function toFloating(time: DateTime): number {
  return Date.UTC(
    time.year,
    time.month - 1,
    time.day,
    time.hour,
    time.minute,
    time.second,
    time.millisecond,
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
 * The next `count` occurrences of a freeze window that have not ended by
 * `from`, in the window's zone. Throws when the rule does not parse.
 */
export function nextOccurrences(
  window: FreezeTimes,
  from: Date,
  count: number,
): Occurrence[] {
  const zone = window.timeZone;
  const first = {
    start: DateTime.fromISO(window.start, { zone }),
    end: DateTime.fromISO(window.end, { zone }),
  };
  if (!first.start.isValid || !first.end.isValid) return [];
  if (!window.rrule) {
    return first.end.toMillis() > from.getTime() ? [first] : [];
  }
  const floatingStart = toFloating(first.start);
  const wallDuration = toFloating(first.end) - floatingStart;
  const rule = new RRule({
    ...RRule.parseString(window.rrule.trim().replace(/^RRULE:/i, '')),
    dtstart: new Date(floatingStart),
  });
  // Occurrences that began before `from` may still be running; offsets
  // shift floating and real time apart by up to a day.
  const searchFrom = Math.max(
    toFloating(DateTime.fromJSDate(from, { zone })) - wallDuration - DAY,
    floatingStart,
  );
  const result: Occurrence[] = [];
  rule.between(
    new Date(searchFrom),
    new Date(searchFrom + HORIZON_DAYS * DAY),
    true,
    date => {
      const start = fromFloating(date.getTime(), zone);
      let end = fromFloating(date.getTime() + wallDuration, zone);
      // A start in a spring-forward gap moves on by the gap; keep the length.
      if (end <= start) end = start.plus({ milliseconds: wallDuration });
      if (end.toMillis() > from.getTime()) result.push({ start, end });
      return result.length < count;
    },
  );
  return result;
}

import { MAX_CALENDAR_DAYS } from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';

/** The views of the release calendar; `timeline` is our own. */
export type ReleaseCalendarView = 'month' | 'week' | 'agenda' | 'timeline';

/** What react-big-calendar's `onRangeChange` hands over, by view. */
export type VisibleRange = Date[] | { start: Date; end: Date };

/** A range to ask the calendar API for: ISO instants, `to` exclusive. */
export type QueryRange = { from: string; to: string };

// The agenda's default length in react-big-calendar.
const AGENDA_DAYS = 30;

/**
 * The range of whole local days a view shows, as the API query range:
 * from the start of the first day to the start of the day after the last.
 * Ranges are capped at what the API accepts.
 */
export function toQueryRange(range: VisibleRange): QueryRange {
  const dates = Array.isArray(range) ? range : [range.start, range.end];
  const times = dates.map(d => d.getTime());
  const first = DateTime.fromMillis(Math.min(...times)).startOf('day');
  let last = DateTime.fromMillis(Math.max(...times))
    .startOf('day')
    .plus({ days: 1 });
  if (last.diff(first, 'days').days > MAX_CALENDAR_DAYS) {
    last = first.plus({ days: MAX_CALENDAR_DAYS });
  }
  return { from: first.toUTC().toISO()!, to: last.toUTC().toISO()! };
}

/**
 * The range a view shows around `date`, the same one react-big-calendar
 * reports through `onRangeChange`; needed for the first fetch, since the
 * calendar reports changes only.
 */
export function visibleRange(
  view: ReleaseCalendarView,
  date: Date,
  firstDayOfWeek: number,
): VisibleRange {
  const day = DateTime.fromJSDate(date);
  const weekStart = (d: DateTime) =>
    d.minus({ days: (d.weekday - firstDayOfWeek + 7) % 7 }).startOf('day');
  switch (view) {
    case 'week': {
      const start = weekStart(day);
      return {
        start: start.toJSDate(),
        end: start.plus({ days: 6 }).toJSDate(),
      };
    }
    case 'agenda':
      return {
        start: day.toJSDate(),
        end: day.plus({ days: AGENDA_DAYS }).toJSDate(),
      };
    case 'timeline':
      return {
        start: day.startOf('month').toJSDate(),
        end: day.endOf('month').startOf('day').toJSDate(),
      };
    default: {
      // A month grid shows whole weeks around the month.
      const start = weekStart(day.startOf('month'));
      const end = weekStart(day.endOf('month')).plus({ days: 6 });
      return { start: start.toJSDate(), end: end.toJSDate() };
    }
  }
}

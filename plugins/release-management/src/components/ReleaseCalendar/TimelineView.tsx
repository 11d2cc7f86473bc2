import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import type { CSSProperties, MouseEvent } from 'react';
import type {
  CalendarEvent,
  FreezeEvent,
  ReleaseEvent,
} from './calendarEvents';
import { tooltipOf } from './calendarEvents';
import { statusStyle } from './statusColours';
import {
  freezeOnDay,
  inLanes,
  systemName,
  timelineDays,
  timelineRows,
  type TimelineBar,
} from './timelineLayout';
import { useScopeSystems } from './useScopeSystems';
import { useTimelineStyles } from './useTimelineStyles';
import { useTheme } from '@material-ui/core/styles';

const LANE_HEIGHT = 26;

type TimelineViewProps = {
  date: Date;
  events: CalendarEvent[];
  onSelectEvent?: (event: CalendarEvent, e: MouseEvent) => void;
};

const place = (firstDay: number, lastDay: number, lane: number) => ({
  gridColumn: `${firstDay + 2} / ${lastDay + 3}`,
  gridRow: `${lane + 1}`,
});

/**
 * The "Timeline" view of the release calendar: a row per system, a column
 * per day of the month, a bar per release. A custom react-big-calendar
 * view, so the toolbar, navigation and range changes are the calendar's.
 */
export const TimelineView = ({
  date,
  events,
  onSelectEvent,
}: TimelineViewProps) => {
  const classes = useTimelineStyles();
  const theme = useTheme();
  const { start, end } = TimelineView.range(date);
  const days = timelineDays(start, end);
  const releases = events.filter(
    (e): e is ReleaseEvent => e.type === 'release',
  );
  const freezes = events.filter((e): e is FreezeEvent => e.type === 'freeze');
  const { systems } = useScopeSystems(releases.flatMap(r => r.release.scope));
  const rows = timelineRows(days, releases, r => [
    ...new Set(
      r.release.scope
        .map(ref => systems.get(ref.toLocaleLowerCase('en-US')))
        .filter((s): s is string => Boolean(s)),
    ),
  ]);
  const freezeRow = inLanes(days, freezes);
  const today = DateTime.local().startOf('day');
  const columns = `minmax(160px, 220px) repeat(${days.length}, minmax(32px, 1fr))`;

  const dayCells = (system: string | null | undefined, lanes: number) =>
    days.map((day, i) => {
      const severity =
        system === undefined ? undefined : freezeOnDay(day, freezes, system);
      return (
        <div
          key={day.toISODate()}
          aria-hidden
          className={[
            classes.cell,
            day.weekday > 5 ? classes.weekend : '',
            severity === 'hard' ? classes.hardFreeze : '',
            severity === 'soft' ? classes.softFreeze : '',
          ].join(' ')}
          style={{ gridColumn: i + 2, gridRow: `1 / ${lanes + 1}` }}
        />
      );
    });

  const releaseBar = ({
    event,
    firstDay,
    lastDay,
    lane,
  }: TimelineBar<ReleaseEvent>) => (
    <button
      key={event.key}
      type="button"
      title={tooltipOf(event)}
      aria-label={`${event.title}, ${event.release.status}`}
      className={[
        classes.bar,
        event.release.status === 'cancelled' ? classes.cancelled : '',
      ].join(' ')}
      style={{
        ...place(firstDay, lastDay, lane),
        ...(statusStyle(theme, event.release.status) as CSSProperties),
      }}
      onClick={e => onSelectEvent?.(event, e)}
    >
      {event.title}
    </button>
  );

  return (
    <div
      className={classes.root}
      role="region"
      aria-label="Release timeline by system"
    >
      <div
        className={`${classes.grid} ${classes.header}`}
        style={{ gridTemplateColumns: columns }}
      >
        <div className={classes.label}>System</div>
        {days.map(day => (
          <div
            key={day.toISODate()}
            className={[
              classes.dayHeader,
              day.hasSame(today, 'day') ? classes.today : '',
            ].join(' ')}
            title={day.toLocaleString(DateTime.DATE_HUGE)}
          >
            {day.toFormat('ccccc')}
            <br />
            {day.day}
          </div>
        ))}
      </div>
      {freezeRow.bars.length > 0 && (
        <div
          className={`${classes.grid} ${classes.row}`}
          style={{
            gridTemplateColumns: columns,
            gridTemplateRows: `repeat(${freezeRow.lanes}, ${LANE_HEIGHT}px)`,
          }}
        >
          <div
            className={classes.label}
            style={{ gridRow: `1 / ${freezeRow.lanes + 1}` }}
          >
            Freezes
          </div>
          {dayCells(undefined, freezeRow.lanes)}
          {freezeRow.bars.map(({ event, firstDay, lastDay, lane }) => (
            <div
              key={event.key}
              title={tooltipOf(event)}
              className={[
                classes.bar,
                classes.freezeBar,
                event.freeze.severity === 'hard'
                  ? classes.hardFreezeBar
                  : classes.softFreezeBar,
              ].join(' ')}
              style={place(firstDay, lastDay, lane)}
            >
              {event.title}
            </div>
          ))}
        </div>
      )}
      {rows.map(row => (
        <div
          key={row.system ?? 'none'}
          role="group"
          aria-label={systemName(row.system)}
          className={`${classes.grid} ${classes.row}`}
          style={{
            gridTemplateColumns: columns,
            gridTemplateRows: `repeat(${row.lanes}, ${LANE_HEIGHT}px)`,
          }}
        >
          <div
            className={classes.label}
            style={{ gridRow: `1 / ${row.lanes + 1}` }}
            title={row.system ?? 'Releases whose scope has no known system'}
          >
            {systemName(row.system)}
          </div>
          {dayCells(row.system, row.lanes)}
          {row.bars.map(releaseBar)}
        </div>
      ))}
      {rows.length === 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No releases in this month.
        </Typography>
      )}
    </div>
  );
};

// The statics react-big-calendar asks a view for: what range it shows,
// where "back", "next" and "today" go, and the toolbar's title.
TimelineView.range = (date: Date) => {
  const day = DateTime.fromJSDate(date);
  return {
    start: day.startOf('month').toJSDate(),
    end: day.endOf('month').startOf('day').toJSDate(),
  };
};

TimelineView.navigate = (date: Date, action: string) => {
  const day = DateTime.fromJSDate(date);
  switch (action) {
    case 'PREV':
      return day.minus({ months: 1 }).toJSDate();
    case 'NEXT':
      return day.plus({ months: 1 }).toJSDate();
    default:
      return date;
  }
};

TimelineView.title = (date: Date) =>
  DateTime.fromJSDate(date).toLocaleString({ month: 'long', year: 'numeric' });

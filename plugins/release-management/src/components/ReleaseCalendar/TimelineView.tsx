import { makeStyles, alpha } from '@material-ui/core/styles';
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
import { useTheme } from '@material-ui/core/styles';

const LANE_HEIGHT = 26;

const useStyles = makeStyles(theme => ({
  root: {
    flex: 1,
    overflow: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  grid: {
    display: 'grid',
    minWidth: 'min-content',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    background: theme.palette.background.paper,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  dayHeader: {
    textAlign: 'center',
    padding: theme.spacing(0.5, 0),
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.text.secondary,
    lineHeight: 1.3,
  },
  today: {
    color: theme.palette.primary.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  label: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    background: theme.palette.background.paper,
    padding: theme.spacing(0.5, 1),
    borderRight: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    alignSelf: 'stretch',
    fontSize: theme.typography.body2.fontSize,
  },
  row: {
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  cell: {
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  weekend: {
    background: theme.palette.action.hover,
  },
  hardFreeze: {
    background: `repeating-linear-gradient(135deg, ${alpha(
      theme.palette.error.main,
      0.22,
    )} 0 6px, transparent 6px 12px)`,
  },
  softFreeze: {
    background: `repeating-linear-gradient(135deg, ${alpha(
      theme.palette.warning.main,
      0.2,
    )} 0 6px, transparent 6px 12px)`,
  },
  bar: {
    zIndex: 1,
    margin: 2,
    padding: theme.spacing(0, 0.75),
    border: '1px solid',
    borderRadius: theme.shape.borderRadius,
    font: 'inherit',
    fontSize: theme.typography.caption.fontSize,
    textAlign: 'left',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.text.primary}`,
      outlineOffset: 1,
    },
  },
  freezeBar: {
    cursor: 'default',
    color: theme.palette.text.primary,
    background: theme.palette.background.paper,
  },
  hardFreezeBar: { borderColor: theme.palette.error.main },
  softFreezeBar: {
    borderColor: theme.palette.warning.main,
    borderStyle: 'dashed',
  },
  cancelled: { textDecoration: 'line-through' },
}));

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
  const classes = useStyles();
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

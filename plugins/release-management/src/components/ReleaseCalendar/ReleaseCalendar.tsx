import 'react-big-calendar/lib/css/react-big-calendar.css';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { DateTime, Info } from 'luxon';
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  Calendar,
  luxonLocalizer,
  type Components,
  type View,
} from 'react-big-calendar';
import { useNavigate } from 'react-router-dom';
import { releaseRouteRef } from '../../routes';
import { AgendaEvent, EventWrapper } from './calendarComponents';
import {
  toCalendarEvents,
  tooltipOf,
  type CalendarEvent,
} from './calendarEvents';
import {
  calendarQuery,
  NO_FILTERS,
  NOTHING_SEEN,
  seenIn,
  type CalendarBaseQuery,
  type CalendarFilterValues,
} from './calendarQuery';
import {
  toQueryRange,
  visibleRange,
  type ReleaseCalendarView,
  type VisibleRange,
} from './calendarRange';
import { CalendarFilters } from './CalendarFilters';
import { CalendarLegend } from './CalendarLegend';
import { statusStyle } from './statusColours';
import { TimelineView } from './TimelineView';
import { useCalendarData } from './useCalendarData';
import { useCalendarStyles } from './useCalendarStyles';

// Weeks start on the day the user's locale starts them.
const FIRST_DAY_OF_WEEK = Info.getStartOfWeek();
const localizer = luxonLocalizer(DateTime, {
  firstDayOfWeek: FIRST_DAY_OF_WEEK,
});

// react-big-calendar's types know its own views only.
const VIEWS = {
  month: true,
  week: true,
  agenda: true,
  timeline: TimelineView,
} as any;

const MESSAGES = {
  timeline: 'Timeline',
  noEventsInRange: 'Nothing to list in this range.',
  showMore: (count: number) => `+${count} more`,
} as any;

/** @public */
export type ReleaseCalendarProps = {
  /**
   * What the calendar is about, e.g. `{ entityRef, neighbours }`; the
   * visible range and the filters are added to it.
   */
  query?: CalendarBaseQuery;
  /** Whether to show the filters (system, domain, owner, model, status). */
  showFilters?: boolean;
  /** Controls shown next to the filters, e.g. a neighbours switch. */
  actions?: ReactNode;
  defaultView?: ReleaseCalendarView;
  /** The day the calendar opens on; today when not given. */
  defaultDate?: Date;
  /** Height of the calendar in pixels. */
  height?: number;
};

/**
 * The release calendar: releases coloured by status, freezes shaded (hard
 * and soft), maintenance windows marked lightly, in month, week, agenda and
 * a timeline by system, in the user's time zone. The visible range is
 * fetched whenever the view or the date changes.
 *
 * @public
 */
export const ReleaseCalendar = ({
  query: base = {},
  showFilters = true,
  actions,
  defaultView = 'month',
  defaultDate,
  height = 720,
}: ReleaseCalendarProps) => {
  const classes = useCalendarStyles();
  const theme = useTheme();
  const navigate = useNavigate();
  const releaseLink = useRouteRef(releaseRouteRef);

  const [view, setView] = useState<ReleaseCalendarView>(defaultView);
  const [date, setDate] = useState(() => defaultDate ?? new Date());
  const [range, setRange] = useState(() =>
    toQueryRange(visibleRange(defaultView, date, FIRST_DAY_OF_WEEK)),
  );
  const [filters, setFilters] = useState<CalendarFilterValues>(NO_FILTERS);
  const [seen, setSeen] = useState(NOTHING_SEEN);

  const query = calendarQuery(range, base, filters);
  const calendar = useCalendarData(query);

  const response = calendar.value;
  useEffect(() => {
    // The filters offer what the calendar has shown so far.
    if (response) setSeen(previous => seenIn(previous, response));
  }, [response]);

  const { releases, freezes, maintenance, deployments, busy } = useMemo(
    () =>
      response
        ? toCalendarEvents(response)
        : {
            releases: [],
            freezes: [],
            maintenance: [],
            deployments: [],
            busy: [],
          },
    [response],
  );

  // Week views shade freezes and maintenance windows behind the releases;
  // month and agenda have no background, so freezes are events there.
  const events: CalendarEvent[] = useMemo(() => {
    if (view === 'week') return [...releases, ...busy, ...deployments];
    if (view === 'agenda') {
      return [...releases, ...busy, ...deployments, ...freezes, ...maintenance];
    }
    return [...releases, ...busy, ...deployments, ...freezes];
  }, [view, releases, busy, freezes, maintenance, deployments]);
  const backgroundEvents = view === 'week' ? [...freezes, ...maintenance] : [];

  const open = useCallback(
    (event: CalendarEvent) => {
      if (event.type === 'release') {
        navigate(releaseLink({ id: event.release.id }));
      } else if (event.type === 'deployment' && event.deployment.releaseId) {
        navigate(releaseLink({ id: event.deployment.releaseId }));
      }
    },
    [navigate, releaseLink],
  );

  const eventPropGetter = useCallback(
    (event: CalendarEvent) => {
      // Agenda rows stay plain; each row has its own swatch instead.
      if (view === 'agenda') return {};
      switch (event.type) {
        case 'release':
          return {
            style: statusStyle(theme, event.release.status),
            className:
              event.release.status === 'cancelled' ? classes.cancelled : '',
          };
        case 'freeze':
          return {
            className:
              event.freeze.severity === 'hard'
                ? classes.hardFreeze
                : classes.softFreeze,
          };
        case 'busy':
          return { className: classes.busy };
        case 'deployment':
          return {
            className: ['failed', 'rolled-back'].includes(
              event.deployment.status,
            )
              ? `${classes.deployment} ${classes.failedDeployment}`
              : classes.deployment,
          };
        default:
          return { className: classes.maintenance };
      }
    },
    [theme, classes, view],
  );

  const dayPropGetter = useCallback(
    (day: Date) => {
      const start = DateTime.fromJSDate(day).startOf('day');
      const end = start.plus({ days: 1 });
      const covering = freezes.filter(
        f => f.start < end.toJSDate() && f.end > start.toJSDate(),
      );
      if (covering.some(f => f.freeze.severity === 'hard')) {
        return { className: classes.hardFreezeDay };
      }
      if (covering.length > 0) return { className: classes.softFreezeDay };
      return {};
    },
    [freezes, classes],
  );

  const components = useMemo(
    () =>
      ({
        eventWrapper: EventWrapper,
        agenda: { event: AgendaEvent },
      } as Components<CalendarEvent>),
    [],
  );

  const nothing =
    response &&
    !calendar.loading &&
    releases.length === 0 &&
    busy.length === 0 &&
    freezes.length === 0 &&
    maintenance.length === 0 &&
    deployments.length === 0;

  return (
    <div className={`${classes.root} ${classes.kinds}`}>
      {(showFilters || actions) && (
        <Box display="flex" alignItems="flex-start" mb={2} style={{ gap: 16 }}>
          {showFilters && (
            <Box flex={1}>
              <CalendarFilters
                value={filters}
                onChange={setFilters}
                seen={seen}
                subjects={
                  !base.entityRef && !base.system && !base.domain && !base.owner
                }
              />
            </Box>
          )}
          {actions}
        </Box>
      )}
      <Box minHeight={8} mb={1} aria-live="polite">
        {calendar.loading && <Progress />}
        {calendar.error && <ResponseErrorPanel error={calendar.error} />}
        {nothing && (
          <Typography variant="body2" color="textSecondary" role="status">
            Nothing in this range: no releases, deployments, freezes or
            maintenance windows.
          </Typography>
        )}
        {response?.truncated && (
          <Typography variant="body2" color="error" role="status">
            More releases matched than one calendar shows; narrow the filters or
            the range.
          </Typography>
        )}
      </Box>
      <Calendar<CalendarEvent>
        localizer={localizer}
        views={VIEWS}
        view={view as View}
        onView={v => setView(v as ReleaseCalendarView)}
        date={date}
        onNavigate={setDate}
        onRangeChange={(r: VisibleRange) => setRange(toQueryRange(r))}
        drilldownView="week"
        events={events}
        backgroundEvents={backgroundEvents}
        titleAccessor="title"
        startAccessor="start"
        endAccessor="end"
        tooltipAccessor={tooltipOf}
        eventPropGetter={eventPropGetter}
        dayPropGetter={dayPropGetter}
        components={components}
        messages={MESSAGES}
        onSelectEvent={open}
        onKeyPressEvent={(event, e) => {
          if ((e.nativeEvent as KeyboardEvent).key === 'Enter') open(event);
        }}
        showAllEvents
        style={{ height }}
      />
      <CalendarLegend />
    </div>
  );
};

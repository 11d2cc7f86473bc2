import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  cloneElement,
  isValidElement,
  type CSSProperties,
  type ReactElement,
  type ReactNode,
} from 'react';
import { releaseRouteRef } from '../../routes';
import type { CalendarEvent } from './calendarEvents';
import { statusStyle } from './statusColours';
import { useCalendarStyles } from './useCalendarStyles';

/**
 * Makes every event on the month and week grids a focusable button named
 * after what it is, so the calendar can be used from the keyboard (Enter
 * opens a release, see `onKeyPressEvent`) and read by screen readers.
 */
export const EventWrapper = ({
  event,
  type,
  children,
}: {
  event: CalendarEvent;
  /** `date` in month rows and the all-day row, `time` in the time grid. */
  type?: 'date' | 'time';
  children?: ReactNode;
}) => {
  if (!isValidElement(children)) return <>{children}</>;
  const focusable = cloneElement(children as ReactElement<any>, {
    tabIndex: 0,
    role: 'button',
    // In the time grid the event shows its time before its title; its name
    // is then what it shows (WCAG 2.5.3), not the title alone.
    'aria-label': type === 'time' ? undefined : event.title,
  });
  // Date rows have role="row"; what they hold must be cells to screen readers.
  return type === 'date' ? <div role="cell">{focusable}</div> : focusable;
};

const swatch: CSSProperties = {
  display: 'inline-block',
  width: 12,
  height: 12,
  padding: 0,
  marginRight: 8,
  verticalAlign: 'middle',
};

/**
 * An agenda row: a colour swatch, then a link for a release or plain text
 * for a freeze or maintenance window. The rows themselves stay uncoloured
 * so that links keep their contrast.
 */
export const AgendaEvent = ({ event }: { event: CalendarEvent }) => {
  const releaseLink = useRouteRef(releaseRouteRef);
  const theme = useTheme();
  const classes = useCalendarStyles();
  if (event.type === 'release') {
    return (
      <>
        <span
          aria-hidden
          className="rbc-event"
          style={{ ...swatch, ...statusStyle(theme, event.release.status) }}
        />
        <Link
          to={releaseLink({ id: event.release.id })}
          // The row's own click handler opens the release as well.
          onClick={e => e.stopPropagation()}
        >
          {event.title}
        </Link>
        <Typography variant="body2" component="span" color="textSecondary">
          {' '}
          · {event.release.status}
        </Typography>
      </>
    );
  }
  let kind = classes.maintenance;
  if (event.type === 'deployment') {
    kind = classes.deployment;
  } else if (event.type === 'busy') {
    kind = classes.busy;
  } else if (event.type === 'freeze') {
    kind =
      event.freeze.severity === 'hard'
        ? classes.hardFreeze
        : classes.softFreeze;
  }
  return (
    <>
      <span aria-hidden className={`rbc-event ${kind}`} style={swatch} />
      <Typography variant="body2" component="span">
        {event.title}
      </Typography>
    </>
  );
};

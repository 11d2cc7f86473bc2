import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { cloneElement, isValidElement, type ReactNode } from 'react';
import { releaseRouteRef } from '../../routes';
import type { CalendarEvent } from './calendarEvents';

/**
 * Makes every event on the month and week grids a focusable button named
 * after what it is, so the calendar can be used from the keyboard (Enter
 * opens a release, see `onKeyPressEvent`) and read by screen readers.
 */
export const EventWrapper = ({
  event,
  children,
}: {
  event: CalendarEvent;
  children?: ReactNode;
}) => {
  if (!isValidElement(children)) return <>{children}</>;
  return cloneElement(children as React.ReactElement<any>, {
    tabIndex: 0,
    role: 'button',
    'aria-label': event.title,
  });
};

/** An agenda row: a link for a release, plain text for the rest. */
export const AgendaEvent = ({ event }: { event: CalendarEvent }) => {
  const releaseLink = useRouteRef(releaseRouteRef);
  if (event.type === 'release') {
    return (
      <Link
        to={releaseLink({ id: event.release.id })}
        // The row's own click handler opens the release as well.
        onClick={e => e.stopPropagation()}
      >
        {event.title}
      </Link>
    );
  }
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      {event.title}
    </Typography>
  );
};

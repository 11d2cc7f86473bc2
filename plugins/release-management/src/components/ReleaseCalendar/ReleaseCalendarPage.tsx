import { ReleaseCalendar } from './ReleaseCalendar';

/**
 * The "Calendar" tab of the release management page: every release the
 * user may read, with filters by system, domain, owner, model and status.
 */
export const ReleaseCalendarPage = () => <ReleaseCalendar showFilters />;

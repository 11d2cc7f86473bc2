import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CalendarQuery,
  CalendarResponse,
  HealthResponse,
  ListReleasesQuery,
  ReleasePage,
} from '@release-management/plugin-release-management-common';

/**
 * Client of the release-management backend. Components never talk HTTP
 * themselves; they get data through this API.
 *
 * @public
 */
export interface ReleaseManagementApi {
  /** Whether the backend plugin is installed and answering. */
  getHealth(): Promise<HealthResponse>;

  /** Releases, freezes and maintenance windows in a range, with reasons. */
  getCalendar(query: CalendarQuery): Promise<CalendarResponse>;

  /** A page of the releases the caller may read. */
  listReleases(query?: ListReleasesQuery): Promise<ReleasePage>;
}

/** @public */
export const releaseManagementApiRef = createApiRef<ReleaseManagementApi>({
  id: 'plugin.release-management.service',
});

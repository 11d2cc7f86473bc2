/**
 * Release Management for Backstage: release calendars on entity pages and
 * the release management page.
 *
 * @packageDocumentation
 */

export {
  releaseManagementPlugin,
  ReleaseManagementPage,
  EntityReleaseCalendarCard,
} from './plugin';
export {
  releaseManagementApiRef,
  ReleaseManagementClient,
  type ReleaseManagementApi,
} from './api';
export { rootRouteRef as releaseManagementRouteRef } from './routes';

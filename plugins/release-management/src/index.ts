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
  EntityReleasesContent,
} from './plugin';
export { isReleaseManagementAvailable } from './components/EntityReleasesContent/isReleaseManagementAvailable';
export {
  releaseManagementApiRef,
  ReleaseManagementClient,
  type AnalysisTarget,
  type CreatedCalendarFeed,
  type ReleaseManagementApi,
} from './api';
export { rootRouteRef as releaseManagementRouteRef } from './routes';

export { releaseManagementApiRef } from './ReleaseManagementApi';
export type {
  AnalysisTarget,
  CreatedCalendarFeed,
  ReleaseManagementApi,
} from './ReleaseManagementApi';
export { ReleaseManagementClient } from './ReleaseManagementClient';

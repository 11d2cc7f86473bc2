export { releaseManagementApiRef } from './ReleaseManagementApi';
export type { ReleaseManagementApi } from './ReleaseManagementApi';
export { ReleaseManagementClient } from './ReleaseManagementClient';

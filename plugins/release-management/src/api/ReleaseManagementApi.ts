import { createApiRef } from '@backstage/core-plugin-api';
import type { HealthResponse } from '@release-management/plugin-release-management-common';

/**
 * Client of the release-management backend. Components never talk HTTP
 * themselves; they get data through this API.
 *
 * @public
 */
export interface ReleaseManagementApi {
  /** Whether the backend plugin is installed and answering. */
  getHealth(): Promise<HealthResponse>;
}

/** @public */
export const releaseManagementApiRef = createApiRef<ReleaseManagementApi>({
  id: 'plugin.release-management.service',
});

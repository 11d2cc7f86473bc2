import { alertApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  releaseManagementApiRef,
  type ReleaseManagementApi,
} from '../../../api';
import { rootRouteRef } from '../../../routes';
import { aRelease, mockApi } from '../../../testUtils';
import { ReleaseDetailPage } from '../ReleaseDetailPage';
import { aModel } from '../testData';

const snapshot = {
  builtAt: '2030-01-01T00:00:00.000Z',
  ageSeconds: 3,
  entities: 72,
  edges: 300,
  catalogCalls: 1,
  truncated: false,
  stale: false,
};

/**
 * An API that answers every call the detail page makes, with a scheduled
 * release of the normal model and nothing pending; tests override the calls
 * they are about.
 */
export function detailApi(overrides: Partial<ReleaseManagementApi> = {}) {
  return mockApi({
    getRelease: async () => aRelease(),
    getModel: async () => aModel(),
    getPendingGates: async () => [],
    getReleaseConflicts: async () => ({ conflicts: [], blocking: false }),
    getImpact: async () => ({
      roots: [],
      entities: [],
      owners: [],
      systems: [],
      cutOff: false,
      snapshot,
    }),
    getReleaseOrder: async () => ({ steps: [], snapshot }),
    getReleaseHistory: async () => [],
    getReleaseDeployments: async () => ({
      items: [],
      totalCount: 0,
      limit: 50,
      offset: 0,
    }),
    getAcknowledgements: async () => ({ items: [] }),
    getReleaseRatings: async () => ({ items: [], mean: null, count: 0 }),
    getExposure: async () => ({
      releaseId: 'r1',
      currentPercent: 0,
      points: [],
    }),
    ...overrides,
  });
}

/** Renders the detail page of release `id` as the app mounts it. */
export function renderDetailPage(
  api: ReleaseManagementApi,
  id = 'r1',
  search = '',
) {
  const alertApi = mockApis.alert();
  renderInTestApp(<ReleaseDetailPage />, {
    apis: [
      [releaseManagementApiRef, api],
      [alertApiRef, alertApi],
    ],
    mountPath: '/release-management/releases/:id',
    initialRouteEntries: [`/release-management/releases/${id}${search}`],
    mountedRoutes: {
      '/release-management': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
  });
  return { alertApi };
}

export { snapshot };

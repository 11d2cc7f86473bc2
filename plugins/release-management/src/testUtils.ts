import type { ReleaseManagementApi } from './api';
import type {
  CalendarResponse,
  Release,
} from '@release-management/plugin-release-management-common';

/** A release as the API returns it, for component tests. */
export function aRelease(overrides: Partial<Release> = {}): Release {
  return {
    id: 'r1',
    title: 'Basket sharing',
    versionLabel: 'cart 4.2',
    notes: '',
    releaseManager: 'user:default/radia.perlman',
    model: { name: 'normal', revision: 1 },
    status: 'scheduled',
    visibility: 'normal',
    currentStage: 'execute',
    scope: [
      {
        entityRef: 'component:default/cart-service',
        version: '4.2.0',
        owner: 'group:default/team-checkout',
        system: 'system:default/checkout',
      },
    ],
    plannedWindow: {
      start: '2030-01-07T08:00:00.000Z',
      end: '2030-01-07T10:00:00.000Z',
      timeZone: 'Europe/Oslo',
    },
    actualStart: null,
    actualEnd: null,
    phases: [],
    checklist: [],
    approvals: [],
    review: null,
    verification: null,
    revision: 7,
    createdAt: '2029-12-01T00:00:00.000Z',
    createdBy: 'user:default/radia.perlman',
    updatedAt: '2029-12-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An empty calendar answer. */
export function aCalendar(
  overrides: Partial<CalendarResponse> = {},
): CalendarResponse {
  return {
    from: '2030-01-01T00:00:00.000Z',
    to: '2030-01-31T00:00:00.000Z',
    releases: [],
    truncated: false,
    busy: [],
    freezes: [],
    maintenanceWindows: [],
    deployments: [],
    snapshot: {
      builtAt: '2030-01-01T00:00:00.000Z',
      ageSeconds: 3,
      entities: 72,
      edges: 300,
      catalogCalls: 1,
      truncated: false,
      stale: false,
    },
    ...overrides,
  };
}

/**
 * A mocked API client: the given methods answer, any other call fails the
 * test loudly instead of returning undefined.
 */
export function mockApi(
  implementations: Partial<ReleaseManagementApi> = {},
): jest.Mocked<ReleaseManagementApi> {
  const mocks = new Map<string, jest.Mock>();
  return new Proxy({} as jest.Mocked<ReleaseManagementApi>, {
    get(_target, property) {
      // Not a method of the API; `then` would make the client look awaitable.
      if (typeof property !== 'string' || property === 'then') {
        return undefined;
      }
      if (!mocks.has(property)) {
        const implementation =
          implementations[property as keyof ReleaseManagementApi] ??
          (async () => {
            throw new Error(`unexpected call to ${property}`);
          });
        mocks.set(property, jest.fn(implementation as any));
      }
      return mocks.get(property);
    },
  });
}

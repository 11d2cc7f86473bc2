import type {
  BackendFeature,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import request from 'supertest';
import { releaseManagementPlugin } from '../plugin';
import { catalogEntities, normalModelInput } from './fixtures';

/** Who is who in the HTTP tests, with the groups they belong to. */
export const users: Record<string, string[]> = {
  'user:default/rm': ['group:default/release-managers'],
  'user:default/owner': ['group:default/team-cart'],
  'user:default/cab1': ['group:default/cab'],
  'user:default/cab2': ['group:default/cab'],
  'user:default/outsider': [],
};

/** The Authorization header of one of `users`. */
export const as = (userRef: string) => mockCredentials.user.header(userRef);

export type AuditEvent = {
  eventId: string;
  meta?: unknown;
  outcome?: 'success' | 'fail';
  error?: Error;
};

/**
 * Starts a backend with the plugin, a mock catalog, app-config models and
 * the given database and permissions; returns supertest bound to it and
 * the audit events it recorded.
 */
export async function startTestApp(
  options: {
    knex?: Knex;
    permissions?: ServiceFactory;
    /** Catalog entities; a small fixture catalog by default. */
    entities?: Entity[];
    /** `releaseManagement.models`; one `config-normal` model by default. */
    models?: unknown[];
    /** Replaces the mock catalog, e.g. with one that fails. */
    catalog?: ServiceFactory;
    /** More service factories, e.g. a notification service that records. */
    services?: ServiceFactory[];
    /** More plugins and modules, e.g. the permission backend and a policy. */
    features?: BackendFeature[];
    /** `backend` config, e.g. a `database` for Backstage's own database service. */
    backend?: object;
    /** More `releaseManagement` config, e.g. `notifications`. */
    releaseManagement?: object;
    /** More top-level config, e.g. `permission: { enabled: true }`. */
    config?: object;
  } = {},
) {
  const auditEvents: AuditEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => {
      const event: AuditEvent = { eventId, meta };
      auditEvents.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async ({ error }) => {
          event.outcome = 'fail';
          event.error = error;
        },
      };
    },
  });
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(users[ref] ?? [])],
      };
    },
  });
  const backend = await startTestBackend({
    features: [
      releaseManagementPlugin,
      options.catalog ??
        catalogServiceMock.factory({
          entities: options.entities ?? catalogEntities,
        }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          app: { baseUrl: 'http://localhost:3000' },
          ...(options.backend ? { backend: options.backend } : {}),
          releaseManagement: {
            // Tests refresh the snapshot on purpose, one right after another.
            analysis: { refreshCooldownSeconds: 0 },
            ...options.releaseManagement,
            models: (options.models ?? [
              { name: 'config-normal', ...normalModelInput },
            ]) as any,
          },
        },
      }),
      auditor.factory,
      userInfo.factory,
      options.permissions ??
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.services ?? []),
      ...(options.features ?? []),
    ],
  });
  return { api: request(backend.server), auditEvents, backend };
}

export const base = '/api/release-management';

/** A valid release body for the `normal` model on `component:default/cart`. */
export const releaseBody = (overrides: object = {}) => ({
  model: 'normal',
  title: 'Basket sharing',
  versionLabel: 'cart 4.2',
  notes: '## Basket sharing',
  scope: [{ entityRef: 'component:default/cart', version: '4.2.0' }],
  plannedWindow: {
    start: '2030-01-07T09:00:00Z',
    end: '2030-01-07T11:00:00Z',
    timeZone: 'Europe/Oslo',
  },
  ...overrides,
});

/** Creates the API-managed `normal` model. */
export async function createNormalModel(api: ReturnType<typeof request>) {
  const res = await api
    .post(`${base}/models`)
    .set('Authorization', as('user:default/rm'))
    .send({ name: 'normal', ...normalModelInput });
  if (res.status !== 201) {
    throw new Error(`model creation failed: ${res.status} ${res.text}`);
  }
  return res.body;
}

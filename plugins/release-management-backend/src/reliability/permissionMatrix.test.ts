import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type HttpAuthService,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import permissionBackend from '@backstage/plugin-permission-backend';
import { RELEASE_RESOURCE_TYPE } from '@release-management/plugin-release-management-common';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from '../__testUtils__/testApp';
import { buildOpenApiDocument } from '../openapi/document';
import {
  createReleaseConditionalDecision,
  releaseConditions,
} from '../permissions';

jest.setTimeout(180_000);

const RM = 'user:default/rm';
const OWNER = 'user:default/owner';

/**
 * A policy of the kind the README recommends, decided by the real
 * permission backend: release managers may do everything; owners read
 * what is not restricted or is theirs and change only what they manage or
 * own (conditional decisions); everyone else is denied everything.
 */
class MatrixPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ref = user?.info.userEntityRef;
    if (ref === RM) return { result: AuthorizeResult.ALLOW };
    if (ref !== OWNER) return { result: AuthorizeResult.DENY };
    const claims = user!.info.ownershipEntityRefs;
    const { permission } = request;
    if (isResourcePermission(permission, RELEASE_RESOURCE_TYPE)) {
      const manages = releaseConditions.isReleaseManager({ claims });
      const owns = releaseConditions.hasScopeOwnedBy({ claims });
      if (permission.name === 'release-management.release.read') {
        return createReleaseConditionalDecision(permission, {
          anyOf: [
            {
              not: releaseConditions.hasVisibility({
                visibilities: ['restricted'],
              }),
            },
            manages,
            owns,
          ],
        });
      }
      return createReleaseConditionalDecision(permission, {
        anyOf: [manages, owns],
      });
    }
    const allowed =
      permission.attributes.action === 'read' ||
      permission.name === 'release-management.release.create';
    return {
      result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    };
  }
}

const matrixPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'matrix-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new MatrixPolicy());
      },
    });
  },
});

/**
 * The mock HTTP auth service, except that a plugin's call on behalf of a
 * user arrives as that user acting through the plugin, as Backstage's real
 * auth tells it: the permission backend answers conditional decisions only
 * to such calls, never to a user directly.
 */
const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
      async credentials(req, options) {
        const credentials = await inner.credentials(req, options as any);
        const { principal } = credentials as {
          principal: { type: string; userEntityRef?: string };
        };
        const onBehalf = req.headers.authorization?.startsWith(
          'Bearer mock-service-token:',
        );
        if (onBehalf && principal.type === 'user') {
          return mockCredentials.user(principal.userEntityRef, {
            actor: { subject: 'plugin:release-management' },
          }) as any;
        }
        return credentials as any;
      },
    };
  },
});

type Principal = 'none' | 'denied' | 'conditional' | 'allowed';
const PRINCIPALS: Record<Principal, string> = {
  none: mockCredentials.none.header(),
  denied: as('user:default/outsider'),
  conditional: as(OWNER),
  allowed: as(RM),
};

// Routes that need no permission at all: their own feeds belong to every
// signed-in user; health and ICS feeds need no Backstage token.
const OPEN_TO_USERS = new Set(['GET /feeds', 'POST /feeds']);
const PUBLIC = new Set(['GET /health', 'GET /ics/{token}']);
// Refused by a rule of the practice, not by the policy: only owners of the
// entities a release touches acknowledge it, whatever their permissions.
const DOMAIN_REFUSALS = new Set(['POST /releases/{id}/acknowledgements']);

/** Every route of the OpenAPI document, as method and path template. */
function routes(): string[] {
  const doc = buildOpenApiDocument() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map(method => `${method.toUpperCase()} ${path}`),
  );
}

describe('the permission matrix, decided by the real permission backend', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      app = await startTestApp({
        knex: await databases.init(databaseId),
        permissions: permissionsServiceFactory,
        services: [httpAuthWithActors],
        features: [permissionBackend, matrixPolicy],
        config: { permission: { enabled: true } },
      });
      await createNormalModel(app.api);
      const create = async (name: string, body: object) => {
        const res = await app.api
          .post(`${base}/releases`)
          .set('Authorization', as(RM))
          .send(releaseBody(body));
        if (res.status !== 201) throw new Error(res.text);
        ids[name] = res.body.id;
      };
      await create('cart', { title: 'Cart' });
      await create('cartRestricted', {
        title: 'Cart embargoed',
        visibility: 'restricted',
      });
      await create('search', {
        title: 'Search',
        scope: [{ entityRef: 'component:default/search', version: '1' }],
      });
      await create('searchRestricted', {
        title: 'Search embargoed',
        visibility: 'restricted',
        scope: [{ entityRef: 'component:default/search', version: '2' }],
      });
    });

    // Path parameters: the restricted search release is the one only the
    // release manager may read.
    const fill = (path: string) =>
      path
        .replace('{id}', ids.searchRestricted)
        .replace('{name}', 'normal')
        .replace('{itemId}', 'tests-green')
        .replace('{ring}', 'ring-1')
        .replace('{token}', `${'A'.repeat(43)}.ics`);

    const call = (route: string, auth: string) => {
      const [method, template] = route.split(' ');
      const req = (app.api as any)
        [method.toLowerCase()](`${base}${fill(template)}`)
        .set('Authorization', auth);
      return ['POST', 'PUT', 'PATCH'].includes(method) ? req.send({}) : req;
    };

    const cases = () =>
      routes().flatMap(route =>
        (Object.keys(PRINCIPALS) as Principal[]).map(
          principal => [route, principal] as const,
        ),
      );

    it('answers every route for every principal as the policy says, and never with a 500', async () => {
      const problems: string[] = [];
      const all = cases();
      for (const [route, principal] of all) {
        const res = await call(route, PRINCIPALS[principal]);
        const s = res.status as number;
        const why = `${route} as ${principal}: ${s} ${res.text.slice(0, 120)}`;
        if (s >= 500) problems.push(why);
        if (PUBLIC.has(route)) continue;
        if (principal === 'none' && s !== 401) problems.push(why);
        // Denied everything: nothing but validation, 403, or a 404 that
        // says no more than an unknown id would.
        if (
          principal === 'denied' &&
          !OPEN_TO_USERS.has(route) &&
          ![400, 403, 404].includes(s)
        ) {
          problems.push(why);
        }
        // Routes about the restricted release the owner may not read
        // answer as for an unknown release.
        if (
          principal === 'conditional' &&
          route.includes('/releases/{id}') &&
          route.startsWith('GET') &&
          s !== 404
        ) {
          problems.push(why);
        }
        if (
          principal === 'allowed' &&
          (s === 401 || (s === 403 && !DOMAIN_REFUSALS.has(route)))
        ) {
          problems.push(why);
        }
      }
      // Every route is in it: 52 routes × 4 principals at this writing.
      expect(all.length).toBe(routes().length * 4);
      expect(routes().length).toBeGreaterThanOrEqual(50);
      expect(problems).toEqual([]);
    });

    const visible = async (auth: string, query = '') => {
      const res = await app.api
        .get(`${base}/releases${query}`)
        .set('Authorization', auth);
      return {
        status: res.status,
        ids: ((res.body.items ?? []) as Array<{ id: string }>)
          .map(r => r.id)
          .sort(),
        totalCount: res.body.totalCount,
      };
    };

    it('lists exactly the releases each principal may read', async () => {
      const sorted = (...names: string[]) => names.map(n => ids[n]).sort();
      expect(await visible(as(RM))).toEqual({
        status: 200,
        ids: sorted('cart', 'cartRestricted', 'search', 'searchRestricted'),
        totalCount: 4,
      });
      // The owner's team owns cart: its restricted release too, but not
      // search's.
      expect(await visible(as(OWNER))).toEqual({
        status: 200,
        ids: sorted('cart', 'cartRestricted', 'search'),
        totalCount: 3,
      });
      expect((await visible(as('user:default/outsider'))).status).toBe(403);
    });

    it("shows the owner the restricted release they may not read only as busy in its entity's calendar", async () => {
      const calendar = await app.api
        .get(
          `${base}/calendar?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&entityRef=component:default/search`,
        )
        .set('Authorization', as(OWNER));
      expect(calendar.status).toBe(200);
      expect(calendar.body.releases.map((r: any) => r.id)).toEqual([
        ids.search,
      ]);
      expect(calendar.body.busy).toEqual([
        {
          start: '2030-01-07T09:00:00.000Z',
          end: '2030-01-07T11:00:00.000Z',
          reason: 'own',
        },
      ]);
      expect(calendar.text).not.toContain('Search embargoed');
    });

    it('refuses the owner a release of another team, and writes nothing', async () => {
      const before = await visible(as(RM));
      const res = await app.api
        .post(`${base}/releases`)
        .set('Authorization', as(OWNER))
        .send(
          releaseBody({
            title: 'Not mine',
            releaseManager: OWNER,
            scope: [{ entityRef: 'component:default/search', version: '3' }],
          }),
        );
      expect(res.status).toBe(403);
      expect(await visible(as(RM))).toEqual(before);
    });
  });
});

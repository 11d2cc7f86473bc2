import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  type Permission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { RELEASE_RESOURCE_TYPE } from '@release-management/plugin-release-management-common';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { auditSince, databaseState } from '../__testUtils__/reliability';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
  users,
} from '../__testUtils__/testApp';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import type { ReleaseStore } from '../database/ReleaseStore';
import {
  createReleaseConditionalDecision,
  releaseConditions,
  releaseRules,
} from '../permissions';

jest.setTimeout(120_000);

const rm = as('user:default/rm');
const owner = as('user:default/owner');
const outsider = as('user:default/outsider');
const readOnlyService = mockCredentials.service.header();
const day = 86_400_000;
// Within the reach of calendar feeds (90 days back, a year ahead).
const soon = Math.ceil(Date.now() / day) * day + 30 * day;
const plannedWindow = {
  start: new Date(soon + 9 * 3_600_000).toISOString(),
  end: new Date(soon + 11 * 3_600_000).toISOString(),
  timeZone: 'Europe/Oslo',
};

/**
 * The policy the README recommends: release managers may do everything;
 * other users read and change the releases they manage or whose scope
 * they own, and may create releases; services may only read.
 */
function readmePolicy(getStore: () => ReleaseStore) {
  const authorizer = createConditionAuthorizer(Object.values(releaseRules));
  const decide = (
    permission: Permission,
    credentials: BackstageCredentials,
  ): PolicyDecision => {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    const read = permission.attributes.action === 'read';
    if (principal.type !== 'user') {
      return { result: read ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    const ref = principal.userEntityRef!;
    const claims = [ref, ...(users[ref] ?? [])];
    if (claims.includes('group:default/release-managers')) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isResourcePermission(permission, RELEASE_RESOURCE_TYPE) &&
      permission.name !== 'release-management.release.override'
    ) {
      return createReleaseConditionalDecision(permission, {
        anyOf: [
          releaseConditions.isReleaseManager({ claims }),
          releaseConditions.hasScopeOwnedBy({ claims }),
        ],
      });
    }
    return {
      result:
        read || permission.name === 'release-management.release.create'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    };
  };
  return mockServices.permissions.mock({
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(r => decide(r.permission, credentials)) as any,
    // What the permission backend does for a resource: applies the
    // conditions to the resource the plugin loads.
    authorize: async (requests, { credentials }) =>
      Promise.all(
        requests.map(async r => {
          const decision = decide(r.permission, credentials);
          if (decision.result !== AuthorizeResult.CONDITIONAL) return decision;
          const resourceRef = (r as { resourceRef?: string }).resourceRef;
          const release = resourceRef
            ? await getStore().get(resourceRef)
            : undefined;
          return {
            result: authorizer(decision, release)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        }),
      ),
  }).factory;
}

describe('permission bypass attempts', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    let store: ReleaseStore;
    const ids: Record<'cart' | 'search' | 'managed', string> = {} as any;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({
        knex,
        permissions: readmePolicy(() => store),
      });
      store = await DatabaseReleaseStore.create({
        database: mockServices.database({ knex }),
      });
      await createNormalModel(app.api);
      const create = async (body: object) => {
        const res = await app.api
          .post(`${base}/releases`)
          .set('Authorization', rm)
          .send({ ...body, plannedWindow });
        if (res.status !== 201) throw new Error(res.text);
        return res.body.id as string;
      };
      // The owner's team owns cart: they may see and change this one...
      ids.cart = await create(releaseBody({ title: 'Cart visible' }));
      // ...not this one, of another team's entity...
      ids.search = await create(
        releaseBody({
          title: 'Search hidden',
          scope: [{ entityRef: 'component:default/search', version: '1' }],
        }),
      );
      // ...but this one, which they manage.
      ids.managed = await create(
        releaseBody({
          title: 'Search managed',
          releaseManager: 'user:default/owner',
          scope: [{ entityRef: 'component:default/search', version: '2' }],
        }),
      );
    });

    const listIds = async (auth: string, query = '') => {
      const res = await app.api
        .get(`${base}/releases${query}`)
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      return {
        ids: res.body.items.map((r: any) => r.id).sort(),
        totalCount: res.body.totalCount,
      };
    };

    it('lists only the releases the caller may read, counted and paged in SQL', async () => {
      expect(await listIds(owner)).toEqual({
        ids: [ids.cart, ids.managed].sort(),
        totalCount: 2,
      });
      // A page of one still counts both: the filter is in the query, not
      // applied to the page afterwards.
      const page = await listIds(owner, '?limit=1');
      expect(page.ids).toHaveLength(1);
      expect(page.totalCount).toBe(2);
      expect(await listIds(owner, '?search=Search')).toEqual({
        ids: [ids.managed],
        totalCount: 1,
      });
      expect(await listIds(outsider)).toEqual({ ids: [], totalCount: 0 });
      expect((await listIds(rm)).totalCount).toBe(3);
    });

    it('shows hidden releases in calendars and calendar feeds only as busy windows', async () => {
      const range = `from=${new Date(soon - day).toISOString()}&to=${new Date(
        soon + day,
      ).toISOString()}`;
      const calendar = await app.api
        .get(`${base}/calendar?${range}`)
        .set('Authorization', owner);
      expect(calendar.status).toBe(200);
      const text = JSON.stringify(calendar.body);
      expect(text).not.toContain(ids.search);
      expect(text).not.toContain('Search hidden');
      expect(text).toContain(ids.cart);
      // Both search releases share the window; the one the owner manages
      // is theirs to read, the other is a busy block.
      expect(calendar.body.busy).toEqual([
        { start: plannedWindow.start, end: plannedWindow.end, reason: 'all' },
      ]);

      // An entity's calendar: the busy window is the entity's own.
      const entity = await app.api
        .get(`${base}/calendar?${range}&entityRef=component:default/search`)
        .set('Authorization', owner);
      expect(entity.status).toBe(200);
      expect(entity.body.busy).toEqual([
        { start: plannedWindow.start, end: plannedWindow.end, reason: 'own' },
      ]);
      expect(entity.body.releases.map((r: any) => r.id)).toEqual([ids.managed]);

      // The release manager reads everything: nothing is busy for them.
      const whole = await app.api
        .get(`${base}/calendar?${range}`)
        .set('Authorization', rm);
      expect(whole.body.busy).toEqual([]);
      expect(JSON.stringify(whole.body)).toContain(ids.search);

      const feed = await app.api
        .post(`${base}/feeds`)
        .set('Authorization', owner)
        .send({ scope: { type: 'all' } });
      expect(feed.status).toBe(201);
      const path = new URL(feed.body.url).pathname;
      const ics = await app.api.get(path);
      expect(ics.status).toBe(200);
      expect(ics.text).toContain('Cart visible');
      expect(ics.text).not.toContain('Search hidden');
      expect(ics.text).not.toContain(ids.search);
      expect(ics.text).toContain('SUMMARY:Busy: restricted release');
      expect(ics.text).toContain('CLASS:CONFIDENTIAL');
    });

    it('refuses a calendar feed token for another scope or once revoked', async () => {
      const feed = await app.api
        .post(`${base}/feeds`)
        .set('Authorization', owner)
        .send({
          scope: { type: 'entity', entityRef: 'component:default/cart' },
        });
      const path = new URL(feed.body.url).pathname;
      // The token is the whole credential: query parameters asking for
      // another scope change nothing.
      const other = await app.api.get(
        `${path}?scope=all&entityRef=component:default/search&system=system:default/discovery`,
      );
      expect(other.status).toBe(200);
      expect(other.text).not.toContain('Search');
      // A guessed token, and the token of another user's feed revoked by
      // someone else.
      const guessed = await app.api.get(`${base}/ics/${'A'.repeat(43)}.ics`);
      expect(guessed.status).toBe(404);
      const revokeByOther = await app.api
        .delete(`${base}/feeds/${feed.body.id}`)
        .set('Authorization', outsider);
      expect(revokeByOther.status).toBe(404);
      expect((await app.api.get(path)).status).toBe(200);
      await app.api
        .delete(`${base}/feeds/${feed.body.id}`)
        .set('Authorization', owner)
        .expect(204);
      expect((await app.api.get(path)).status).toBe(404);
    });

    type Attempt = [
      string,
      () => {
        auth: string;
        method: 'post' | 'put' | 'patch' | 'delete';
        path: string;
        body?: object;
      },
      number,
    ];
    const attempts: Attempt[] = [
      [
        'a non-owner edits a release',
        () => ({
          auth: outsider,
          method: 'patch',
          path: `/releases/${ids.cart}`,
          body: { revision: 1, title: 'Taken over' },
        }),
        403,
      ],
      [
        'an owner edits another team\u2019s release',
        () => ({
          auth: owner,
          method: 'patch',
          path: `/releases/${ids.search}`,
          body: { revision: 1, title: 'Taken over' },
        }),
        403,
      ],
      [
        'an owner moves their release onto an entity they do not own',
        () => ({
          auth: owner,
          method: 'patch',
          path: `/releases/${ids.cart}`,
          body: {
            revision: 1,
            scope: [{ entityRef: 'component:default/search', version: '9' }],
          },
        }),
        403,
      ],
      [
        'an owner hands their release to someone else along with the scope',
        () => ({
          auth: owner,
          method: 'patch',
          path: `/releases/${ids.managed}`,
          body: { revision: 1, releaseManager: 'user:default/rm' },
        }),
        403,
      ],
      [
        'a non-owner moves a release on',
        () => ({
          auth: outsider,
          method: 'post',
          path: `/releases/${ids.cart}/transitions`,
          body: { to: 'planned' },
        }),
        403,
      ],
      [
        'a non-owner ticks a checklist item',
        () => ({
          auth: owner,
          method: 'put',
          path: `/releases/${ids.search}/checklist/tests-green`,
          body: { done: true },
        }),
        403,
      ],
      [
        'a non-owner approves',
        () => ({
          auth: owner,
          method: 'post',
          path: `/releases/${ids.search}/approvals`,
          body: {
            stage: 'verify-components',
            gate: 'owners',
            decision: 'approve',
          },
        }),
        403,
      ],
      [
        'a non-owner records a verification',
        () => ({
          auth: owner,
          method: 'post',
          path: `/releases/${ids.search}/verification`,
        }),
        403,
      ],
      [
        'a non-owner rates a hidden release',
        () => ({
          auth: owner,
          method: 'post',
          path: `/releases/${ids.search}/ratings`,
          body: { rating: 1 },
        }),
        // Hidden from them: answered as an unknown id.
        404,
      ],
      [
        'a non-release-manager deletes a freeze window',
        () => ({ auth: owner, method: 'delete', path: '/freeze-windows/x' }),
        403,
      ],
      [
        'a non-release-manager creates a model',
        () => ({
          auth: owner,
          method: 'post',
          path: '/models',
          body: {
            name: 'mine',
            title: 'M',
            owner: 'group:default/team-cart',
            releaseType: 'minor',
            rolloutStrategy: 'big-bang',
            stages: [{ key: 'plan', title: 'Plan', completesWith: 'planned' }],
          },
        }),
        403,
      ],
      [
        "a non-manager creates a release of another team's entity, managing it themselves",
        () => ({
          auth: owner,
          method: 'post',
          path: '/releases',
          body: releaseBody({
            title: 'Sneaked in',
            releaseManager: 'user:default/owner',
            scope: [{ entityRef: 'component:default/search', version: '9' }],
          }),
        }),
        403,
      ],
      [
        "a non-manager adds another team's entity beside their own to a new release",
        () => ({
          auth: owner,
          method: 'post',
          path: '/releases',
          body: releaseBody({
            scope: [
              { entityRef: 'component:default/cart', version: '9' },
              { entityRef: 'component:default/search', version: '9' },
            ],
          }),
        }),
        403,
      ],
      [
        'a user who owns nothing creates a release',
        () => ({
          auth: outsider,
          method: 'post',
          path: '/releases',
          body: releaseBody(),
        }),
        403,
      ],
      [
        'a read-only service token creates a release',
        () => ({
          auth: readOnlyService,
          method: 'post',
          path: '/releases',
          body: releaseBody({ releaseManager: 'user:default/rm' }),
        }),
        403,
      ],
      [
        'a read-only service token edits a release',
        () => ({
          auth: readOnlyService,
          method: 'patch',
          path: `/releases/${ids.cart}`,
          body: { revision: 1, title: 'By a bot' },
        }),
        403,
      ],
      [
        'a read-only service token records a deployment',
        () => ({
          auth: readOnlyService,
          method: 'post',
          path: '/deployments',
          body: {
            externalId: 'x',
            entityRef: 'component:default/cart',
            environment: 'production',
            version: '1',
            status: 'succeeded',
          },
        }),
        403,
      ],
      [
        'an unauthenticated caller edits a release',
        () => ({
          auth: mockCredentials.none.header(),
          method: 'patch',
          path: `/releases/${ids.cart}`,
          body: { revision: 1, title: 'Anonymous' },
        }),
        401,
      ],
      [
        'a forged token creates a release',
        () => ({
          auth: mockCredentials.user.invalidHeader(),
          method: 'post',
          path: '/releases',
          body: releaseBody(),
        }),
        401,
      ],
    ];

    it.each(attempts)('refuses when %s', async (_name, attempt, status) => {
      const { auth, method, path, body } = attempt();
      const before = await databaseState(knex);
      const audited = app.auditEvents.length;
      const req = app.api[method](`${base}${path}`).set('Authorization', auth);
      const res = body ? await req.send(body) : await req;
      expect(res.status).toBe(status);
      // Nothing of a hidden release leaks into the refusal.
      expect(res.text).not.toContain('Search hidden');
      expect(await databaseState(knex)).toEqual(before);
      const events = auditSince(app.auditEvents, audited);
      // Backstage's HTTP router refuses missing or invalid credentials
      // before a request reaches the plugin, which so has nothing to audit.
      const denied = [
        expect.objectContaining({
          outcome: 'fail',
          error: status === 404 ? 'NotFoundError' : 'NotAllowedError',
        }),
      ];
      expect(events).toEqual(status === 401 ? [] : denied);
    });

    it.each([
      '',
      '/history',
      '/gates',
      '/conflicts',
      '/deployments',
      '/exposure',
      '/ratings',
      '/acknowledgements',
    ])(
      'answers reading a hidden release by id as for an unknown id: GET /releases/:id%s',
      async suffix => {
        const res = await app.api
          .get(`${base}/releases/${ids.search}${suffix}`)
          .set('Authorization', owner);
        const unknownId = '00000000-0000-4000-8000-000000000000';
        const unknown = await app.api
          .get(`${base}/releases/${unknownId}${suffix}`)
          .set('Authorization', owner);
        expect(res.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(res.body.error.name).toBe(unknown.body.error.name);
        expect(res.body.error.message).toBe(
          unknown.body.error.message.replace(unknownId, ids.search),
        );
        expect(res.text).not.toContain('Search hidden');
      },
    );

    it('answers a guessed id with 404 and an unauthenticated read with 401', async () => {
      const guessed = await app.api
        .get(`${base}/releases/00000000-0000-4000-8000-000000000000`)
        .set('Authorization', owner);
      expect(guessed.status).toBe(404);
      const anonymous = await app.api
        .get(`${base}/releases/${ids.cart}`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
      const impact = await app.api
        .get(`${base}/analysis/impact?releaseId=${ids.search}`)
        .set('Authorization', owner);
      expect(impact.status).toBe(404);
    });

    it('reports a release the caller may not read as a restricted busy block in conflicts and slots', async () => {
      // A window of its own, 40 days out, so no other test's release is near.
      const at = soon + 40 * day;
      const busy = {
        start: new Date(at + 9 * 3_600_000).toISOString(),
        end: new Date(at + 11 * 3_600_000).toISOString(),
        timeZone: 'Europe/Oslo',
      };
      const created = await app.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send({
          ...releaseBody({
            title: 'Embargoed search fix',
            versionLabel: 'embargo-7.7.7',
            scope: [{ entityRef: 'component:default/search', version: '7' }],
          }),
          plannedWindow: busy,
        });
      expect(created.status).toBe(201);
      const embargoed = created.body.id as string;
      await app.api
        .post(`${base}/releases/${embargoed}/transitions`)
        .set('Authorization', rm)
        .send({ to: 'planned' })
        .expect(200);
      const plan = {
        model: 'normal',
        scope: ['component:default/search'],
        window: busy,
      };
      const secrets = [embargoed, 'Embargoed', 'embargo-7.7.7'];

      // The release manager, who may read it, sees it whole...
      const full = await app.api
        .post(`${base}/conflicts/check`)
        .set('Authorization', rm)
        .send(plan);
      expect(full.status).toBe(200);
      expect(
        full.body.conflicts.filter((c: any) => c.kind === 'same-entity'),
      ).toEqual([
        expect.objectContaining({
          severity: 'blocking',
          other: {
            type: 'release',
            id: embargoed,
            title: 'Embargoed search fix',
            start: busy.start,
            end: busy.end,
          },
        }),
      ]);

      // ...another team's member sees that the window is busy, and no more.
      const redacted = await app.api
        .post(`${base}/conflicts/check`)
        .set('Authorization', owner)
        .send(plan);
      expect(redacted.status).toBe(200);
      expect(redacted.body.blocking).toBe(true);
      expect(
        redacted.body.conflicts.filter((c: any) => c.kind === 'same-entity'),
      ).toEqual([
        {
          kind: 'same-entity',
          severity: 'blocking',
          entityRef: 'component:default/search',
          other: {
            type: 'restricted-release',
            start: busy.start,
            end: busy.end,
          },
          overridable: true,
          message: `component:default/search is also in a restricted release (${busy.start} – ${busy.end}), whose window overlaps`,
        },
      ]);
      for (const secret of secrets) {
        expect(redacted.text).not.toContain(secret);
      }

      // A slot search offers no slot over the busy window, and names nothing.
      const slots = await app.api
        .post(`${base}/conflicts/slots`)
        .set('Authorization', owner)
        .send({
          model: 'normal',
          scope: ['component:default/search'],
          durationMinutes: 120,
          timeZone: 'Europe/Oslo',
          from: new Date(at).toISOString(),
          days: 1,
          count: 50,
        });
      expect(slots.status).toBe(200);
      const overlapsBusy = (slot: { start: string; end: string }) =>
        Date.parse(slot.start) < Date.parse(busy.end) &&
        Date.parse(busy.start) < Date.parse(slot.end);
      expect(slots.body.slots.length).toBeGreaterThan(0);
      expect(slots.body.slots.filter(overlapsBusy)).toEqual([]);
      for (const secret of secrets) {
        expect(slots.text).not.toContain(secret);
      }

      // A release the owner can read over the same window sees it redacted
      // too. Search is another team's, so only a release manager may plan
      // it with cart.
      const together = (auth: string) =>
        app.api
          .post(`${base}/releases`)
          .set('Authorization', auth)
          .send({
            ...releaseBody({
              title: 'Cart and search together',
              scope: [
                { entityRef: 'component:default/cart', version: '5' },
                { entityRef: 'component:default/search', version: '5' },
              ],
            }),
            plannedWindow: busy,
          });
      expect((await together(owner)).status).toBe(403);
      const shared = await together(rm);
      expect(shared.status).toBe(201);
      const ofRelease = await app.api
        .get(`${base}/releases/${shared.body.id}/conflicts`)
        .set('Authorization', owner);
      expect(ofRelease.status).toBe(200);
      expect(ofRelease.body.conflicts).toContainEqual(
        expect.objectContaining({
          kind: 'same-entity',
          other: {
            type: 'restricted-release',
            start: busy.start,
            end: busy.end,
          },
        }),
      );
      for (const secret of secrets) {
        expect(ofRelease.text).not.toContain(secret);
      }

      // The gates of scheduling it, and the refusal to, say as little.
      await app.api
        .post(`${base}/releases/${shared.body.id}/transitions`)
        .set('Authorization', rm)
        .send({ to: 'planned' })
        .expect(200);
      const gates = await app.api
        .get(`${base}/releases/${shared.body.id}/gates`)
        .set('Authorization', owner);
      expect(gates.status).toBe(200);
      const scheduling = gates.body.items.find(
        (g: any) => g.to === 'scheduled',
      );
      expect(scheduling.failures).toContainEqual(
        expect.objectContaining({
          kind: 'conflict',
          message: `component:default/search is also in a restricted release (${busy.start} – ${busy.end}), whose window overlaps`,
        }),
      );
      const refused = await app.api
        .post(`${base}/releases/${shared.body.id}/transitions`)
        .set('Authorization', owner)
        .send({ to: 'scheduled' });
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('a restricted release');
      for (const secret of secrets) {
        expect(gates.text).not.toContain(secret);
        expect(refused.text).not.toContain(secret);
      }
      // The release manager, who may read it, is told which one it is.
      const theirs = await app.api
        .get(`${base}/releases/${shared.body.id}/gates`)
        .set('Authorization', rm);
      expect(theirs.text).toContain('Embargoed search fix');
    });

    it('lets an owner create a release of their own entity', async () => {
      const res = await app.api
        .post(`${base}/releases`)
        .set('Authorization', owner)
        .send(releaseBody({ title: 'Own cart release' }));
      expect(res.status).toBe(201);
      expect(res.body.releaseManager).toBe('user:default/owner');
    });

    it("refuses adding another team's entity to a release later, as on create", async () => {
      const empty = await app.api
        .post(`${base}/releases`)
        .set('Authorization', owner)
        .send(releaseBody({ title: 'Scope later', scope: [] }));
      expect(empty.status).toBe(201);
      const before = await databaseState(knex);
      const sneak = await app.api
        .patch(`${base}/releases/${empty.body.id}`)
        .set('Authorization', owner)
        .send({
          revision: 1,
          scope: [{ entityRef: 'component:default/search', version: '1' }],
        });
      expect(sneak.status).toBe(403);
      expect(sneak.body.error.message).toContain(
        'not on component:default/search',
      );
      expect(await databaseState(knex)).toEqual(before);
      const own = await app.api
        .patch(`${base}/releases/${empty.body.id}`)
        .set('Authorization', owner)
        .send({
          revision: 1,
          scope: [{ entityRef: 'component:default/cart', version: '1' }],
        });
      expect(own.status).toBe(200);
    });

    it('names the entities a refused creation may not plan', async () => {
      const res = await app.api
        .post(`${base}/releases`)
        .set('Authorization', owner)
        .send(
          releaseBody({
            scope: [
              { entityRef: 'component:default/cart', version: '9' },
              { entityRef: 'component:default/search', version: '9' },
            ],
          }),
        );
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'You may plan releases only on entities whose releases you could change (permission release-management.release.update); not on component:default/search',
      );
    });

    it('still lets the owner change their own release', async () => {
      const res = await app.api
        .patch(`${base}/releases/${ids.cart}`)
        .set('Authorization', owner)
        .send({
          revision: 1,
          scope: [
            { entityRef: 'component:default/cart', version: '4.3.0' },
            { entityRef: 'component:default/pricing', version: '1.0.0' },
          ],
        });
      expect(res.status).toBe(200);
    });
  });
});

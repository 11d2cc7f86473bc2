import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { as, base, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const cart = 'component:default/cart';
const hour = 3_600_000;

/**
 * Permissions that allow everything but the deployment override, which
 * `overrideAllowed` decides.
 */
function permissionsWith(overrideAllowed: () => boolean) {
  const decide = (requests: Array<{ permission: { name: string } }>) =>
    requests.map(r => ({
      result:
        r.permission.name !== 'release-management.deployment.override' ||
        overrideAllowed()
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  return mockServices.permissions.mock({
    authorize: async requests => decide(requests as any),
    authorizeConditional: async requests => decide(requests as any) as any,
  }).factory;
}

describe('deployments and the gate over HTTP', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    let overrideAllowed = false;
    // A window that starts an hour from now: the models have no lead time,
    // and a window in the past would be a lead-time conflict.
    // Each release of one entity gets a slot of its own, since releases
    // of one entity in overlapping windows could not both be scheduled.
    const firstSlot = Math.ceil(Date.now() / hour) * hour + hour;
    const slot = (k: number) => {
      const start = new Date(firstSlot + k * 3 * hour);
      return {
        start,
        inWindow: new Date(start.getTime() + 30 * 60_000).toISOString(),
        window: {
          start: start.toISOString(),
          end: new Date(start.getTime() + 2 * hour).toISOString(),
          timeZone: 'Europe/Oslo',
        },
      };
    };
    const { start, inWindow, window } = slot(0);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({
        knex,
        models: pipelineModels,
        permissions: permissionsWith(() => overrideAllowed),
      });
    });

    const post = (path: string, body: object) =>
      app.api.post(`${base}${path}`).set('Authorization', rm).send(body);
    const get = (path: string) =>
      app.api.get(`${base}${path}`).set('Authorization', rm);
    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);

    async function release(
      model: string,
      version: string,
      to: string[],
      entityRef = cart,
      k = 0,
    ) {
      const created = await post('/releases', {
        model,
        title: `${model} ${version}`,
        versionLabel: version,
        scope: [{ entityRef, version }],
        plannedWindow: slot(k).window,
      });
      expect(created.status).toBe(201);
      for (const status of to) {
        if (status === 'scheduled' && model === 'approved') {
          await post(`/releases/${created.body.id}/approvals`, {
            stage: 'approve',
            gate: 'release-manager',
            decision: 'approve',
          }).expect(201);
        }
        const moved = await post(`/releases/${created.body.id}/transitions`, {
          to: status,
        });
        expect(moved.body.error?.message).toBeUndefined();
      }
      return created.body.id as string;
    }

    const deployment = (overrides: object = {}) => ({
      externalId: `run-${Math.random()}`,
      entityRef: cart,
      environment: 'production',
      version: '1.0.0',
      status: 'started',
      startedAt: inWindow,
      pipelineUrl: 'https://ci.example.com/runs/1',
      ...overrides,
    });

    it('answers each gate decision with its reasons', async () => {
      const ask = (body: object) =>
        post('/gate', {
          entityRef: cart,
          environment: 'production',
          at: inWindow,
          ...body,
        });

      const none = await ask({ version: '0.9.0' });
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({
        decision: 'prevented',
        entityRef: cart,
        version: '0.9.0',
        overridden: false,
      });
      expect(none.body.reasons[0].kind).toBe('no-release');

      const planned = await release('approved', '0.9.0', ['planned']);
      const waiting = await ask({ version: '0.9.0' });
      expect(waiting.body).toMatchObject({
        decision: 'awaiting',
        release: planned,
      });
      expect(waiting.body.reasons[0].message).toContain(
        'is planned and not yet approved: Approval "Release manager" of stage "Approve" needs 1 approval(s)',
      );

      const scheduled = await release(
        'approved',
        '1.0.0',
        ['planned', 'scheduled'],
        cart,
        1,
      );
      const at = slot(1).inWindow;
      const allowed = await ask({ version: '1.0.0', at });
      expect(allowed.body).toMatchObject({
        decision: 'allowed',
        release: scheduled,
      });
      expect(
        (await ask({ version: '1.0.0', environment: 'staging', at })).body
          .reasons[0].kind,
      ).toBe('not-production');
      // Before the window, the same release does not cover it.
      const early = await ask({
        version: '1.0.0',
        at: new Date(start.getTime() - hour).toISOString(),
      });
      expect(early.body.decision).toBe('prevented');
      expect(early.body.reasons.map((r: any) => r.kind)).toContain(
        'outside-window',
      );

      const wrongVersion = await ask({ version: '1.1.0', at });
      expect(wrongVersion.body.reasons.map((r: any) => r.message)).toContain(
        'Release "approved 1.0.0" releases component:default/cart 1.0.0, not 1.1.0',
      );
      expect(app.auditEvents.at(-1)).toMatchObject({
        eventId: 'deployment-gate',
        outcome: 'success',
      });
    });

    it('keeps a hard freeze shut but for an emergency override by those allowed', async () => {
      const emergency = await release(
        'emergency',
        '2.0.0',
        ['scheduled'],
        'component:default/search',
      );
      const normal = await release(
        'approved',
        '2.0.0',
        ['planned', 'scheduled'],
        'component:default/pricing',
      );
      // The freeze comes after both were scheduled.
      await post('/freeze-windows', {
        title: 'Peak',
        severity: 'hard',
        start: window.start,
        end: window.end,
        timeZone: 'Europe/Oslo',
        scope: { type: 'all' },
      }).expect(201);
      const ask = (entityRef: string, override?: object) =>
        post('/gate', {
          entityRef,
          environment: 'production',
          version: '2.0.0',
          at: inWindow,
          ...(override ? { override } : {}),
        });
      const override = { justification: 'Search is down for every user' };

      const frozen = await ask('component:default/search');
      expect(frozen.body.decision).toBe('prevented');
      expect(frozen.body.reasons.map((r: any) => r.kind)).toEqual([
        'covered',
        'hard-freeze',
      ]);

      const refusedModel = await ask('component:default/pricing', override);
      expect(refusedModel.body.decision).toBe('prevented');
      expect(refusedModel.body.release).toBe(normal);
      expect(refusedModel.body.reasons.at(-1).kind).toBe('override-refused');

      overrideAllowed = false;
      const forbidden = await ask('component:default/search', override);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.message).toBe(
        'You are not allowed to deploy through a freeze (permission release-management.deployment.override)',
      );
      expect(await count('audit_findings')).toBe(0);

      overrideAllowed = true;
      const overridden = await ask('component:default/search', override);
      expect(overridden.body).toMatchObject({
        decision: 'allowed',
        overridden: true,
        release: emergency,
      });
      const [finding] = await knex('audit_findings');
      expect(finding).toMatchObject({
        kind: 'freeze-override',
        release_id: emergency,
        actor: 'user:default/rm',
      });
      expect(JSON.parse(finding.details).justification).toBe(
        'Search is down for every user',
      );
      await knex('audit_findings').delete();
      await knex('freeze_windows').delete();
    });

    it('records a deployment once per external id and links it to its release', async () => {
      const releaseId = await release(
        'approved',
        '3.0.0',
        ['planned', 'scheduled'],
        'component:default/pricing',
        1,
      );
      const body = deployment({
        externalId: 'gh:shop/pricing/run/7',
        entityRef: 'component:default/pricing',
        version: 'v3.0.0',
        startedAt: slot(1).inWindow,
      });
      const first = await post('/deployments', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        deployment: { releaseId, status: 'started', revision: 1 },
      });
      expect(first.body.finding).toBeUndefined();

      const again = await post('/deployments', {
        ...body,
        status: 'succeeded',
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        created: false,
        deployment: {
          id: first.body.deployment.id,
          status: 'succeeded',
          revision: 2,
          releaseId,
        },
      });
      expect(again.body.deployment.finishedAt).toEqual(expect.any(String));
      // A late "started" does not make it look running again.
      const late = await post('/deployments', body);
      expect(late.body.deployment.status).toBe('succeeded');

      const listed = await get(
        '/deployments?entityRef=component:default/pricing',
      );
      expect(listed.body.totalCount).toBe(1);
      const ofRelease = await get(`/releases/${releaseId}/deployments`);
      expect(ofRelease.body.items.map((d: any) => d.externalId)).toEqual([
        'gh:shop/pricing/run/7',
      ]);
      const calendar = await get(
        `/calendar?entityRef=component:default/pricing&from=${encodeURIComponent(
          slot(1).window.start,
        )}&to=${encodeURIComponent(slot(1).window.end)}`,
      );
      expect(calendar.status).toBe(200);
      expect(calendar.body.deployments).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/pricing',
          version: 'v3.0.0',
          releaseId,
          status: 'succeeded',
        }),
      ]);
    });

    it('makes a production deployment no release covers an audit finding, once', async () => {
      const before = await count('audit_findings');
      const body = deployment({
        externalId: 'gh:shop/cart/run/99',
        version: '9.9.9',
      });
      const first = await post('/deployments', body);
      expect(first.status).toBe(201);
      expect(first.body.deployment.releaseId).toBeNull();
      expect(first.body.finding).toMatchObject({
        kind: 'deployment-without-release',
        entityRef: cart,
        environment: 'production',
        message: `component:default/cart 9.9.9 was deployed to production at ${inWindow} with no release covering it`,
      });
      await post('/deployments', { ...body, status: 'failed' }).expect(200);
      expect(await count('audit_findings')).toBe(before + 1);

      // Staging needs no release.
      const staging = await post(
        '/deployments',
        deployment({ environment: 'staging', version: '9.9.9' }),
      );
      expect(staging.body.finding).toBeUndefined();
      expect(await count('audit_findings')).toBe(before + 1);
    });

    it('refuses bad input with a clear 4xx and writes nothing', async () => {
      const deployments = await count('deployments');
      const bad = await post('/deployments', {
        ...deployment(),
        status: 'done',
        entityRef: 'cart',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^Invalid deployment: /);
      expect(bad.body.error.message).toContain(
        'entityRef: "cart" is not an entity ref',
      );
      expect(bad.body.error.message).toContain('status: ');

      const early = await post('/deployments', {
        ...deployment(),
        startedAt: '2030-01-02T00:00:00Z',
        finishedAt: '2030-01-01T00:00:00Z',
      });
      expect(early.status).toBe(400);
      expect(early.body.error.message).toContain(
        'finishedAt: finishedAt must not be before startedAt',
      );

      const reused = deployment({ externalId: 'gh:reused' });
      await post('/deployments', reused).expect(201);
      const conflict = await post('/deployments', {
        ...reused,
        environment: 'staging',
      });
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.message).toContain(
        'a different environment needs its own external id',
      );
      expect(await count('deployments')).toBe(deployments + 1);

      const gate = await post('/gate', { entityRef: cart, version: '1' });
      expect(gate.status).toBe(400);
      expect(gate.body.error.message).toContain('environment');
      const query = await get('/deployments?limit=0');
      expect(query.status).toBe(400);
      expect(await get('/releases/nope/deployments')).toMatchObject({
        status: 404,
      });
    });
  });
});

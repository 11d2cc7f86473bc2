import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { normalModelInput } from './__testUtils__/fixtures';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from './__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const invalid = mockCredentials.user.invalidHeader();

const freezeBody = (overrides: object = {}) => ({
  title: 'Year end',
  severity: 'hard',
  start: '2030-12-20T00:00:00Z',
  end: '2031-01-03T00:00:00Z',
  timeZone: 'Europe/Oslo',
  scope: { type: 'all' },
  ...overrides,
});

describe('routes', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let releaseId: string;
  let freezeId: string;

  beforeAll(async () => {
    app = await startTestApp();
    await createNormalModel(app.api);
    const release = await app.api
      .post(`${base}/releases`)
      .set('Authorization', rm)
      .send(releaseBody());
    releaseId = release.body.id;
    const freeze = await app.api
      .post(`${base}/freeze-windows`)
      .set('Authorization', rm)
      .send(freezeBody());
    freezeId = freeze.body.id;
  });

  const call = (
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
  ) => app.api[method](`${base}${path}`);

  describe('every route but health needs valid credentials (401)', () => {
    it.each([
      ['get', '/models'],
      ['post', '/models'],
      ['get', '/models/normal'],
      ['put', '/models/normal'],
      ['get', '/models/normal/revisions'],
      ['get', '/releases'],
      ['post', '/releases'],
      ['get', '/releases/x'],
      ['patch', '/releases/x'],
      ['post', '/releases/x/transitions'],
      ['get', '/releases/x/gates'],
      ['post', '/releases/x/approvals'],
      ['put', '/releases/x/checklist/y'],
      ['get', '/releases/x/history'],
      ['get', '/freeze-windows'],
      ['post', '/freeze-windows'],
      [
        'get',
        '/freeze-windows/occurrences?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z',
      ],
      ['get', '/freeze-windows/x'],
      ['put', '/freeze-windows/x'],
      ['delete', '/freeze-windows/x'],
    ] as const)('%s %s', async (method, path) => {
      const res = await call(method, path)
        .set('Authorization', invalid)
        .send({});
      expect(res.status).toBe(401);
    });
  });

  describe('/models', () => {
    it('lists API and config models, marking config ones read-only', async () => {
      const res = await call('get', '/models').set('Authorization', rm);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((m: any) => [m.name, m.source, m.readOnly]),
      ).toEqual([
        ['config-normal', 'config', true],
        ['normal', 'api', false],
      ]);
    });

    it('answers 400 naming the field, 409 for a taken name', async () => {
      const bad = await call('post', '/models')
        .set('Authorization', rm)
        .send({ ...normalModelInput, name: 'Bad Name', releaseType: 'huge' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/name: must be lower-case/);
      expect(bad.body.error.message).toMatch(/releaseType/);

      const duplicateIds = await call('post', '/models')
        .set('Authorization', rm)
        .send({
          ...normalModelInput,
          name: 'dupes',
          stages: [
            { key: 'a', title: 'A', completesWith: 'planned' },
            { key: 'a', title: 'B', completesWith: 'scheduled' },
          ],
        });
      expect(duplicateIds.status).toBe(400);
      expect(duplicateIds.body.error.message).toContain(
        'stages.1.key: stage key "a" is used twice',
      );

      const badWindow = await call('post', '/models')
        .set('Authorization', rm)
        .send({
          ...normalModelInput,
          name: 'bad-window',
          schedulingPolicy: {
            maintenanceWindows: [
              {
                title: 'Nights',
                rrule: 'FREQ=DAILY;INTERVAL=abc',
                timeZone: 'UTC',
                startTime: '01:00',
                durationMinutes: 60,
              },
            ],
          },
        });
      expect(badWindow.status).toBe(400);
      expect(badWindow.body.error.message).toMatch(
        /^schedulingPolicy.maintenanceWindows.0.rrule: /,
      );

      const taken = await call('post', '/models')
        .set('Authorization', rm)
        .send({ ...normalModelInput, name: 'normal' });
      expect(taken.status).toBe(409);
    });

    it('reads one model, 400 for a malformed name, 404 for an unknown one', async () => {
      expect(
        (await call('get', '/models/normal').set('Authorization', rm)).body
          .name,
      ).toBe('normal');
      expect(
        (await call('get', '/models/NOT%20A%20NAME').set('Authorization', rm))
          .status,
      ).toBe(400);
      expect(
        (await call('get', '/models/nope').set('Authorization', rm)).status,
      ).toBe(404);
      expect(
        (await call('get', '/models/nope/revisions').set('Authorization', rm))
          .status,
      ).toBe(404);
    });

    it('updates an API model to a new revision; stale revision 409; config model 409', async () => {
      await call('post', '/models')
        .set('Authorization', rm)
        .send({ ...normalModelInput, name: 'to-update' })
        .expect(201);
      const updated = await call('put', '/models/to-update')
        .set('Authorization', rm)
        .send({ ...normalModelInput, title: 'Second', revision: 1 });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ revision: 2, title: 'Second' });

      const stale = await call('put', '/models/to-update')
        .set('Authorization', rm)
        .send({ ...normalModelInput, title: 'Lost', revision: 1 });
      expect(stale.status).toBe(409);

      const revisions = await call('get', '/models/to-update/revisions').set(
        'Authorization',
        rm,
      );
      expect(revisions.body.items.map((r: any) => r.definition.title)).toEqual([
        'Second',
        'Normal release',
      ]);

      const readOnly = await call('put', '/models/config-normal')
        .set('Authorization', rm)
        .send({ ...normalModelInput, revision: 1 });
      expect(readOnly.status).toBe(409);
      expect(readOnly.body.error.message).toContain('declared in app-config');

      const missing = await call('put', '/models/nope')
        .set('Authorization', rm)
        .send({ ...normalModelInput, revision: 1 });
      expect(missing.status).toBe(404);
      const noRevision = await call('put', '/models/to-update')
        .set('Authorization', rm)
        .send(normalModelInput);
      expect(noRevision.status).toBe(400);
    });
  });

  describe('/releases', () => {
    it('rejects bad bodies with 400s that say what is wrong', async () => {
      const post = (body: unknown) =>
        call('post', '/releases')
          .set('Authorization', rm)
          .send(body as object);

      const unknownRef = await post(
        releaseBody({
          scope: [
            { entityRef: 'component:default/cart', version: '1' },
            { entityRef: 'component:default/ghost', version: '1' },
          ],
        }),
      );
      expect(unknownRef.status).toBe(400);
      expect(unknownRef.body.error.message).toBe(
        'scope: the catalog has no entity component:default/ghost',
      );

      const malformed = await post(
        releaseBody({ scope: [{ entityRef: 'not a ref', version: '1' }] }),
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toContain(
        'scope.0.entityRef: "not a ref" is not an entity ref',
      );

      const unknownModel = await post(releaseBody({ model: 'nope' }));
      expect(unknownModel.status).toBe(400);
      expect(unknownModel.body.error.message).toBe(
        'model: no release model named "nope"',
      );

      const backwards = await post(
        releaseBody({
          plannedWindow: {
            start: '2030-01-02T00:00:00Z',
            end: '2030-01-01T00:00:00Z',
            timeZone: 'UTC',
          },
        }),
      );
      expect(backwards.body.error.message).toContain(
        'plannedWindow.end: end must be after start',
      );

      const badZone = await post(
        releaseBody({
          plannedWindow: {
            start: '2030-01-01T00:00:00Z',
            end: '2030-01-02T00:00:00Z',
            timeZone: 'Mars/Olympus',
          },
        }),
      );
      expect(badZone.body.error.message).toContain('IANA time zone');

      const unknownField = await post(releaseBody({ colour: 'blue' }));
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.error.message).toContain('colour');

      expect((await post([1, 2, 3])).status).toBe(400);
      expect((await post('"just a string"')).status).toBe(400);

      const notJson = await call('post', '/releases')
        .set('Authorization', rm)
        .set('Content-Type', 'application/json')
        .send('{"title": ');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toBe(
        'The request body is not valid JSON',
      );

      const form = await call('post', '/releases')
        .set('Authorization', rm)
        .type('form')
        .send('title=x');
      expect(form.status).toBe(400);
      expect(form.body.error.message).toBe(
        'Send the request body as application/json',
      );

      const huge = await post(releaseBody({ notes: 'x'.repeat(600 * 1024) }));
      expect(huge.status).toBe(413);
    });

    it('validates list queries', async () => {
      const ok = await call(
        'get',
        '/releases?status=draft&status=planned&limit=5',
      ).set('Authorization', rm);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ limit: 5, offset: 0, totalCount: 1 });
      const bad = await call('get', '/releases?status=finished').set(
        'Authorization',
        rm,
      );
      expect(bad.status).toBe(400);
      const backwards = await call(
        'get',
        '/releases?from=2030-02-01T00:00:00Z&to=2030-01-01T00:00:00Z',
      ).set('Authorization', rm);
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toContain(
        'from must not be after to',
      );
      const unknown = await call('get', '/releases?sort=title').set(
        'Authorization',
        rm,
      );
      expect(unknown.status).toBe(400);
    });

    it('answers 404 for unknown releases on every release route', async () => {
      const id = '00000000-0000-0000-0000-000000000000';
      expect(
        (await call('get', `/releases/${id}`).set('Authorization', rm)).status,
      ).toBe(404);
      expect(
        (
          await call('patch', `/releases/${id}`)
            .set('Authorization', rm)
            .send({ revision: 1, title: 'x' })
        ).status,
      ).toBe(404);
      expect(
        (
          await call('post', `/releases/${id}/transitions`)
            .set('Authorization', rm)
            .send({ to: 'planned' })
        ).status,
      ).toBe(404);
      expect(
        (await call('get', `/releases/${id}/gates`).set('Authorization', rm))
          .status,
      ).toBe(404);
      expect(
        (
          await call('post', `/releases/${id}/approvals`)
            .set('Authorization', rm)
            .send({ stage: 'plan', gate: 'x', decision: 'approve' })
        ).status,
      ).toBe(404);
      expect(
        (
          await call('put', `/releases/${id}/checklist/tests-green`)
            .set('Authorization', rm)
            .send({ done: true })
        ).status,
      ).toBe(404);
      expect(
        (await call('get', `/releases/${id}/history`).set('Authorization', rm))
          .status,
      ).toBe(404);
    });

    it('PATCH needs the current revision: 400 without, 409 when stale', async () => {
      const missing = await call('patch', `/releases/${releaseId}`)
        .set('Authorization', rm)
        .send({ title: 'x' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('revision');
      const stale = await call('patch', `/releases/${releaseId}`)
        .set('Authorization', rm)
        .send({ revision: 99, title: 'x' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('not 99');
    });

    it('refuses transitions the model does not allow, naming the allowed ones', async () => {
      const res = await call('post', `/releases/${releaseId}/transitions`)
        .set('Authorization', rm)
        .send({ to: 'deployed' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(
        'Release model "normal" does not allow a release to go from draft to deployed; from draft it may go to planned, cancelled',
      );
      const bad = await call('post', `/releases/${releaseId}/transitions`)
        .set('Authorization', rm)
        .send({ to: 'shipped' });
      expect(bad.status).toBe(400);
    });

    it('checks approvals and checklist items against the model', async () => {
      const stage = await call('post', `/releases/${releaseId}/approvals`)
        .set('Authorization', rm)
        .send({ stage: 'nope', gate: 'cab', decision: 'approve' });
      expect(stage.status).toBe(400);
      expect(stage.body.error.message).toContain('has no stage "nope"');
      const gate = await call('post', `/releases/${releaseId}/approvals`)
        .set('Authorization', rm)
        .send({ stage: 'plan', gate: 'cab', decision: 'approve' });
      expect(gate.status).toBe(400);
      expect(gate.body.error.message).toContain('it needs no approvals');
      const notEligible = await call('post', `/releases/${releaseId}/approvals`)
        .set('Authorization', rm)
        .send({ stage: 'verify-procedures', gate: 'cab', decision: 'approve' });
      expect(notEligible.status).toBe(403);
      expect(notEligible.body.error.message).toBe(
        'Approval "Change advisory board" must come from members of group:default/cab; user:default/rm is not one of them',
      );
      const item = await call('put', `/releases/${releaseId}/checklist/nope`)
        .set('Authorization', rm)
        .send({ done: true });
      expect(item.status).toBe(404);
      const body = await call(
        'put',
        `/releases/${releaseId}/checklist/tests-green`,
      )
        .set('Authorization', rm)
        .send({ done: 'yes' });
      expect(body.status).toBe(400);
    });

    it('records a failed audit event for a rejected request', async () => {
      const before = app.auditEvents.length;
      await call('post', '/releases')
        .set('Authorization', rm)
        .send({})
        .expect(400);
      const event = app.auditEvents[before];
      expect(event).toMatchObject({
        eventId: 'release-create',
        outcome: 'fail',
      });
      expect(event.error?.name).toBe('InputError');
    });
  });

  describe('/freeze-windows', () => {
    it('creates, reads, updates with revisions and deletes', async () => {
      const created = await call('post', '/freeze-windows')
        .set('Authorization', rm)
        .send(freezeBody({ rrule: 'FREQ=YEARLY' }));
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(
        (await call('get', `/freeze-windows/${id}`).set('Authorization', rm))
          .body.rrule,
      ).toBe('FREQ=YEARLY');
      const updated = await call('put', `/freeze-windows/${id}`)
        .set('Authorization', rm)
        .send({ revision: 1, window: freezeBody({ severity: 'soft' }) });
      expect(updated.body).toMatchObject({ severity: 'soft', revision: 2 });
      const stale = await call('put', `/freeze-windows/${id}`)
        .set('Authorization', rm)
        .send({ revision: 1, window: freezeBody() });
      expect(stale.status).toBe(409);
      expect(
        (await call('delete', `/freeze-windows/${id}`).set('Authorization', rm))
          .status,
      ).toBe(204);
      expect(
        (await call('delete', `/freeze-windows/${id}`).set('Authorization', rm))
          .status,
      ).toBe(404);
      expect(
        (await call('get', `/freeze-windows/${id}`).set('Authorization', rm))
          .status,
      ).toBe(404);
      expect(
        (
          await call('put', `/freeze-windows/${id}`)
            .set('Authorization', rm)
            .send({ revision: 2, window: freezeBody() })
        ).status,
      ).toBe(404);
    });

    it('rejects bad windows with 400', async () => {
      const post = (body: object) =>
        call('post', '/freeze-windows').set('Authorization', rm).send(body);
      expect(
        (await post(freezeBody({ end: '2030-01-01T00:00:00Z' }))).body.error
          .message,
      ).toContain('end must be after start');
      const rrule = await post(freezeBody({ rrule: 'FREQ=WEEKLY;BYDAY=XX' }));
      expect(rrule.status).toBe(400);
      expect(rrule.body.error.message).toMatch(/^rrule: /);
      expect(
        (await post(freezeBody({ scope: { type: 'teams' } }))).status,
      ).toBe(400);
      expect(
        (
          await post(
            freezeBody({ scope: { type: 'entities', refs: ['nope'] } }),
          )
        ).status,
      ).toBe(400);
    });

    it('expands occurrences in a range and validates the range', async () => {
      const ok = await call(
        'get',
        '/freeze-windows/occurrences?from=2030-12-01T00:00:00Z&to=2031-01-31T00:00:00Z',
      ).set('Authorization', rm);
      expect(ok.status).toBe(200);
      expect(ok.body.items).toEqual([
        expect.objectContaining({
          freezeWindowId: freezeId,
          start: '2030-12-20T00:00:00.000Z',
          end: '2031-01-03T00:00:00.000Z',
        }),
      ]);
      expect(
        (
          await call('get', '/freeze-windows/occurrences').set(
            'Authorization',
            rm,
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await call(
            'get',
            '/freeze-windows/occurrences?from=2031-01-01T00:00:00Z&to=2030-01-01T00:00:00Z',
          ).set('Authorization', rm)
        ).status,
      ).toBe(400);
      expect(
        (
          await call(
            'get',
            '/freeze-windows/occurrences?from=2030-01-01T00:00:00Z&to=2032-01-01T00:00:00Z',
          ).set('Authorization', rm)
        ).body.error.message,
      ).toContain('at most 400 days');
    });
  });
});

describe('routes without permission (403)', () => {
  it('refuses every guarded route and writes nothing', async () => {
    const { api } = await startTestApp({
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    const cases: Array<[string, string, object?]> = [
      ['get', '/models'],
      ['post', '/models', { name: 'x', ...normalModelInput }],
      ['get', '/models/config-normal'],
      ['put', '/models/config-normal', { ...normalModelInput, revision: 1 }],
      ['get', '/models/config-normal/revisions'],
      ['get', '/releases'],
      ['post', '/releases', releaseBody({ model: 'config-normal' })],
      ['get', '/freeze-windows'],
      ['post', '/freeze-windows', freezeBody()],
      [
        'get',
        '/freeze-windows/occurrences?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z',
      ],
    ];
    for (const [method, path, body] of cases) {
      const res = await (api as any)
        [method](`${base}${path}`)
        .set('Authorization', rm)
        .send(body ?? {});
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
  });
});

describe('conditional read permission', () => {
  it('filters the release list in the query by the policy conditions', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      // Reads are conditional; creating (which asks for update) is not.
      authorizeConditional: async requests =>
        requests.map(r =>
          r.permission.name === 'release-management.release.read'
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'release-management',
                resourceType: 'release-management-release',
                conditions: {
                  rule: 'HAS_SCOPE_OWNED_BY',
                  resourceType: 'release-management-release',
                  params: { claims: ['group:default/team-search'] },
                },
              }
            : { result: AuthorizeResult.ALLOW },
        ) as any,
    });
    const { api } = await startTestApp({ permissions: permissions.factory });
    await createNormalModel(api);
    for (const entityRef of [
      'component:default/cart',
      'component:default/search',
    ]) {
      await api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(
          releaseBody({
            title: entityRef,
            scope: [{ entityRef, version: '1' }],
          }),
        )
        .expect(201);
    }
    const res = await api.get(`${base}/releases`).set('Authorization', rm);
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(1);
    expect(res.body.items.map((r: any) => r.title)).toEqual([
      'component:default/search',
    ]);
  });
});

describe('calendars without the freeze window and model read permissions', () => {
  it('leave out freezes and maintenance windows, not the releases', async () => {
    const hidden = new Set([
      'release-management.freeze-window.read',
      'release-management.model.read',
    ]);
    const decide = (requests: Array<{ permission: { name: string } }>) =>
      requests.map(r => ({
        result: hidden.has(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      }));
    const permissions = mockServices.permissions.mock({
      authorize: async requests => decide(requests as any) as any,
      authorizeConditional: async requests => decide(requests as any) as any,
    });
    const { api } = await startTestApp({ permissions: permissions.factory });
    const other = await startTestApp();
    for (const app of [api, other.api]) {
      await app
        .post(`${base}/freeze-windows`)
        .set('Authorization', rm)
        .send(
          freezeBody({
            start: '2030-01-05T00:00:00Z',
            end: '2030-01-06T00:00:00Z',
          }),
        );
    }
    // A release of the model from config, readable without the model
    // permission's help.
    await api
      .post(`${base}/releases`)
      .set('Authorization', rm)
      .send(releaseBody({ model: 'config-normal' }))
      .expect(201);
    const query = '/calendar?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z';
    const calendar = await api.get(`${base}${query}`).set('Authorization', rm);
    expect(calendar.status).toBe(200);
    expect(calendar.body.releases).toHaveLength(1);
    expect(calendar.body.freezes).toEqual([]);
    // With the permissions the same freeze window is on the calendar.
    const allowed = await other.api
      .get(`${base}${query}`)
      .set('Authorization', rm);
    expect(allowed.body.freezes).toHaveLength(1);
  });
});

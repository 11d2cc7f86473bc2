import { createTestDatabases } from './__testUtils__/databases';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from './__testUtils__/testApp';

jest.setTimeout(120_000);

describe('releaseManagementPlugin over HTTP', () => {
  const databases = createTestDatabases();

  it('serves its health endpoint without credentials', async () => {
    const { api } = await startTestApp();
    const res = await api.get(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('runs a release from draft to closed through its gates', async () => {
      const { api, auditEvents } = await startTestApp({
        knex: await databases.init(databaseId),
      });
      await createNormalModel(api);
      const rm = as('user:default/rm');

      const created = await api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        revision: 1,
        currentStage: 'plan',
        releaseManager: 'user:default/rm',
        model: { name: 'normal', revision: 1 },
        scope: [
          {
            entityRef: 'component:default/cart',
            version: '4.2.0',
            owner: 'group:default/team-cart',
            system: 'system:default/checkout',
          },
        ],
      });
      const id = created.body.id;
      const transition = (to: string, auth = rm) =>
        api
          .post(`${base}/releases/${id}/transitions`)
          .set('Authorization', auth)
          .send({ to });

      expect((await transition('planned')).body.status).toBe('planned');

      const blocked = await transition('scheduled');
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.message).toContain(
        'Checklist item "Tests are green" of stage "Verify components" is not done',
      );
      expect(blocked.body.error.message).toContain(
        'needs 2 approval(s) from members of group:default/cab; it has 0',
      );
      const gates = await api
        .get(`${base}/releases/${id}/gates`)
        .set('Authorization', rm);
      expect(
        gates.body.items.find((g: any) => g.to === 'scheduled').failures,
      ).toHaveLength(4);

      for (const item of ['tests-green', 'rollback-plan']) {
        const res = await api
          .put(`${base}/releases/${id}/checklist/${item}`)
          .set('Authorization', rm)
          .send({ done: true });
        expect(res.status).toBe(200);
      }
      const approve = (user: string, stage: string, gate: string) =>
        api
          .post(`${base}/releases/${id}/approvals`)
          .set('Authorization', as(user))
          .send({ stage, gate, decision: 'approve', comment: 'ok' });
      expect(
        (await approve('user:default/outsider', 'verify-procedures', 'cab'))
          .status,
      ).toBe(403);
      expect(
        (await approve('user:default/owner', 'verify-components', 'owners'))
          .status,
      ).toBe(201);
      expect(
        (await approve('user:default/cab1', 'verify-procedures', 'cab')).status,
      ).toBe(201);
      expect(
        (await approve('user:default/cab2', 'verify-procedures', 'cab')).status,
      ).toBe(201);

      const scheduled = await transition('scheduled');
      expect(scheduled.status).toBe(200);
      expect(scheduled.body.currentStage).toBe('execute');

      const started = await transition('in-progress');
      expect(started.body.actualStart).toEqual(expect.any(String));
      const deployed = await transition('deployed');
      expect(deployed.body.actualEnd).toEqual(expect.any(String));
      await api
        .put(`${base}/releases/${id}/checklist/smoke-tested`)
        .set('Authorization', rm)
        .send({ done: true, note: 'checkout works' })
        .expect(200);
      const verified = await transition('verified');
      expect(verified.body.status).toBe('verified');

      const unreviewed = await transition('closed');
      expect(unreviewed.status).toBe(409);
      expect(unreviewed.body.error.message).toContain(
        'The post-implementation review has not been recorded',
      );
      const reviewed = await api
        .patch(`${base}/releases/${id}`)
        .set('Authorization', rm)
        .send({
          revision: verified.body.revision,
          review: { outcome: 'successful', lessons: 'Smooth.' },
        });
      expect(reviewed.status).toBe(200);
      const closed = await transition('closed');
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        currentStage: null,
      });

      const late = await api
        .patch(`${base}/releases/${id}`)
        .set('Authorization', rm)
        .send({ revision: closed.body.revision, title: 'Too late' });
      expect(late.status).toBe(409);

      const history = await api
        .get(`${base}/releases/${id}/history`)
        .set('Authorization', rm);
      expect(history.body.items.map((h: any) => h.action)).toEqual([
        'created',
        'transitioned',
        'checklist-item-done',
        'checklist-item-done',
        'approved',
        'approved',
        'approved',
        'transitioned',
        'transitioned',
        'transitioned',
        'checklist-item-done',
        'transitioned',
        'updated',
        'transitioned',
      ]);
      expect(history.body.items.map((h: any) => h.revision)).toEqual(
        Array.from({ length: 14 }, (_, i) => i + 1),
      );
      expect(history.body.items[4]).toMatchObject({
        actor: 'user:default/owner',
        details: { stage: 'verify-components', gate: 'owners', comment: 'ok' },
      });

      expect(
        auditEvents
          .filter(e => e.eventId === 'release-transition')
          .map(e => e.outcome),
      ).toEqual([
        'success',
        'fail',
        'success',
        'success',
        'success',
        'success',
        'fail',
        'success',
      ]);
    });

    it('lets exactly one of 20 concurrent PATCHes on one revision win', async () => {
      const { api } = await startTestApp({
        knex: await databases.init(databaseId),
      });
      await createNormalModel(api);
      const rm = as('user:default/rm');
      const { body: release } = await api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody());

      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api
            .patch(`${base}/releases/${release.id}`)
            .set('Authorization', rm)
            .send({ revision: 1, title: `Title from writer ${i}` }),
        ),
      );
      const statuses = responses.map(r => r.status);
      expect(statuses.filter(s => s === 200)).toHaveLength(1);
      expect(statuses.filter(s => s === 409)).toHaveLength(19);

      const winner = responses.find(r => r.status === 200)!.body;
      const current = await api
        .get(`${base}/releases/${release.id}`)
        .set('Authorization', rm);
      expect(current.body.title).toBe(winner.title);
      expect(current.body.revision).toBe(2);
      const history = await api
        .get(`${base}/releases/${release.id}/history`)
        .set('Authorization', rm);
      expect(history.body.items.map((h: any) => h.action)).toEqual([
        'created',
        'updated',
      ]);
      expect(history.body.items[1].details.changes.title.to).toBe(winner.title);
    });
  });
});

import { createTestDatabases } from '../__testUtils__/databases';
import { recordingNotifications } from '../__testUtils__/notifications';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const owner = as('user:default/owner');
const outsider = as('user:default/outsider');

describe('review, ratings, acknowledgements and notifications over HTTP', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    const notifications = recordingNotifications();

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      app = await startTestApp({
        knex,
        services: [notifications.factory],
      });
      await createNormalModel(app.api);
    });

    const call = (
      method: 'get' | 'post' | 'patch' | 'put',
      path: string,
      auth = rm,
    ) => app.api[method](`${base}${path}`).set('Authorization', auth);

    async function createRelease() {
      const res = await call('post', '/releases').send(releaseBody());
      expect(res.status).toBe(201);
      return res.body.id as string;
    }
    const move = (id: string, to: string, extra: object = {}) =>
      call('post', `/releases/${id}/transitions`).send({ to, ...extra });
    const override = { override: { justification: 'Agreed with the CAB' } };
    const lastSent = () => notifications.sent[notifications.sent.length - 1];

    it('tells the scope owners when a release needs their approval, moves, is scheduled or cancelled', async () => {
      const id = await createRelease();
      expect((await move(id, 'planned')).status).toBe(200);
      expect(lastSent()).toEqual({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/team-cart'],
          excludeEntityRef: 'user:default/rm',
        },
        payload: expect.objectContaining({
          title: 'Approval needed: Basket sharing',
          link: `/release-management/releases/${id}?acknowledge=1`,
        }),
      });

      const current = await call('get', `/releases/${id}`);
      const patched = await call('patch', `/releases/${id}`).send({
        revision: current.body.revision,
        plannedWindow: {
          start: '2030-01-08T09:00:00Z',
          end: '2030-01-08T11:00:00Z',
          timeZone: 'Europe/Oslo',
        },
      });
      expect(patched.status).toBe(200);
      expect(lastSent().payload).toMatchObject({
        title: 'Release moved: Basket sharing',
        severity: 'high',
      });
      expect(lastSent().payload.description).toMatch(
        /from 2030-01-07T09:00:00.000Z/,
      );

      expect((await move(id, 'scheduled', override)).status).toBe(200);
      expect(lastSent().payload.title).toBe(
        'Release scheduled: Basket sharing',
      );

      const other = await createRelease();
      await move(other, 'planned');
      expect((await move(other, 'cancelled')).status).toBe(200);
      expect(lastSent().payload.title).toBe(
        'Release cancelled: Basket sharing',
      );
    });

    it('lets owners of impacted entities acknowledge, and nobody else', async () => {
      const id = await createRelease();
      const refused = await call(
        'post',
        `/releases/${id}/acknowledgements`,
        outsider,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(
        /Only owners of entities this release touches may acknowledge it \(group:default\/team-cart\)/,
      );
      const res = await call('post', `/releases/${id}/acknowledgements`, owner);
      expect(res.status).toBe(201);
      expect(res.body.items).toEqual([
        {
          ownerRef: 'group:default/team-cart',
          notifiedAt: null,
          acknowledgedBy: 'user:default/owner',
          acknowledgedAt: expect.any(String),
        },
      ]);
      const listed = await call('get', `/releases/${id}/acknowledgements`);
      expect(listed.body).toEqual(res.body);
      expect(
        app.auditEvents.some(
          e =>
            e.eventId === 'release-acknowledgement' && e.outcome === 'success',
        ),
      ).toBe(true);
      expect(
        (await call('post', '/releases/missing/acknowledgements', owner))
          .status,
      ).toBe(404);
    });

    it('takes one rating per owner once the release has happened, and closes only after the review', async () => {
      const id = await createRelease();
      const rate = (body: object, auth = owner) =>
        call('post', `/releases/${id}/ratings`, auth).send(body);

      const early = await rate({ rating: 4 });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/can be rated once/);

      await move(id, 'planned');
      await move(id, 'scheduled', override);
      await move(id, 'in-progress');
      expect((await move(id, 'deployed')).status).toBe(200);

      expect((await rate({ rating: 6 })).status).toBe(400);
      expect((await rate({ rating: 3 }, outsider)).status).toBe(403);
      expect((await rate({ rating: 2, comment: 'Slow' })).status).toBe(200);
      const again = await rate({ rating: 4, comment: 'Fine after all' });
      expect(again.body).toMatchObject({
        ratedBy: 'user:default/owner',
        rating: 4,
        comment: 'Fine after all',
      });
      const ratings = await call('get', `/releases/${id}/ratings`);
      expect(ratings.body).toMatchObject({ mean: 4, count: 1 });

      await call('put', `/releases/${id}/checklist/smoke-tested`).send({
        done: true,
      });
      expect((await move(id, 'verified')).status).toBe(200);
      const refused = await move(id, 'closed', override);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(
        /not even with an override: The post-implementation review has not been recorded/,
      );

      const current = await call('get', `/releases/${id}`);
      await call('patch', `/releases/${id}`).send({
        revision: current.body.revision,
        review: { outcome: 'successful', lessons: 'Smooth' },
      });
      expect((await move(id, 'closed')).status).toBe(200);
      // Ratings stay open after closing: owners may rate late.
      expect((await rate({ rating: 5 })).status).toBe(200);
    });
  });
});

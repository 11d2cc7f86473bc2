import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { normalModelInput } from '../__testUtils__/fixtures';
import { databaseState } from '../__testUtils__/reliability';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from '../__testUtils__/testApp';

jest.setTimeout(120_000);

const rm = as('user:default/rm');

/** Text that SQL, LIKE patterns, knex bindings or encodings could misread. */
const payloads = [
  `O'Brien "quoted"`,
  `'; DROP TABLE releases; --`,
  '100%',
  'under_score',
  'a??b ?? c',
  'back\\slash \\%',
  '$1 :name @p0',
  'Ünïcødé ß İstanbul ΣΊΣΥΦΟΣ',
  '💥 emoji 🚀',
  'new\nline\ttab',
];

describe('injection: text is stored and found exactly', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    const created: Array<{ id: string; title: string; payload: string }> = [];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({ knex });
      await createNormalModel(app.api);
      // A bystander that no payload matches.
      await app.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody({ title: 'Bystander', versionLabel: 'plain 1' }))
        .expect(201);
    });

    const get = (path: string) =>
      app.api.get(`${base}${path}`).set('Authorization', rm);

    it('stores every text field exactly', async () => {
      for (const [i, payload] of payloads.entries()) {
        const res = await app.api
          .post(`${base}/releases`)
          .set('Authorization', rm)
          .send(
            releaseBody({
              title: `R${i} ${payload}`,
              versionLabel: `v${i} ${payload}`,
              notes: `Notes ${payload}`,
              phases: [{ ring: `ring ${payload}`, audiencePercent: 5 }],
            }),
          );
        expect(res.status).toBe(201);
        created.push({ id: res.body.id, title: `R${i} ${payload}`, payload });
        const stored = await get(`/releases/${res.body.id}`);
        expect(stored.body).toMatchObject({
          title: `R${i} ${payload}`,
          versionLabel: `v${i} ${payload}`,
          notes: `Notes ${payload}`,
          phases: [{ ring: `ring ${payload}` }],
        });
      }
      const [{ n }] = await knex('releases').count({ n: '*' });
      expect(Number(n)).toBe(payloads.length + 1);
    });

    it.each(payloads)(
      'finds exactly the releases containing %j',
      async payload => {
        const before = await databaseState(knex);
        const res = await get(
          `/releases?search=${encodeURIComponent(payload)}`,
        );
        expect(res.status).toBe(200);
        const lower = payload.toLocaleLowerCase('en-US');
        const expected = created
          .filter(
            r =>
              r.title.includes(payload) ||
              r.title.toLocaleLowerCase('en-US').includes(lower),
          )
          .map(r => r.id)
          .sort();
        expect(res.body.items.map((r: any) => r.id).sort()).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
        expect(await databaseState(knex)).toEqual(before);
      },
    );

    it('treats wildcards in search and filters as plain characters', async () => {
      for (const wildcard of ['%', '_', '%%', '\\', '?', '*']) {
        const res = await get(
          `/releases?search=${encodeURIComponent(wildcard)}`,
        );
        const ids = res.body.items.map((r: any) => r.title);
        expect(ids).not.toContain('Bystander');
      }
      const models = await get(
        `/releases?model=${encodeURIComponent("normal' OR '1'='1")}`,
      );
      expect(models.status).toBe(200);
      expect(models.body.items).toEqual([]);
      const entity = await get(
        `/releases?entityRef=${encodeURIComponent('component:default/%')}`,
      );
      expect(entity.status).toBe(200);
      expect(entity.body.items).toEqual([]);
    });

    it('stores freeze window, feed, deployment and model texts exactly', async () => {
      const payload = payloads.join(' | ');
      const freeze = await app.api
        .post(`${base}/freeze-windows`)
        .set('Authorization', rm)
        .send({
          title: payload.slice(0, 200),
          reason: payload,
          severity: 'soft',
          start: '2031-01-01T00:00:00Z',
          end: '2031-01-02T00:00:00Z',
          timeZone: 'UTC',
          scope: { type: 'tags', tags: ["it's", '100%'] },
        });
      expect([freeze.status, freeze.body.error?.message]).toEqual([
        201,
        undefined,
      ]);
      expect(
        (await get(`/freeze-windows/${freeze.body.id}`)).body,
      ).toMatchObject({
        title: payload.slice(0, 200),
        reason: payload,
        scope: { type: 'tags', tags: ["it's", '100%'] },
      });

      const feed = await app.api
        .post(`${base}/feeds`)
        .set('Authorization', rm)
        .send({ title: payload.slice(0, 200), scope: { type: 'all' } });
      expect(feed.status).toBe(201);
      const feeds = await get('/feeds');
      expect(feeds.body.items.map((f: any) => f.title)).toEqual([
        payload.slice(0, 200),
      ]);

      const deployment = await app.api
        .post(`${base}/deployments`)
        .set('Authorization', rm)
        .send({
          externalId: `run ${payloads[1]}`,
          entityRef: 'component:default/cart',
          environment: 'staging',
          version: `1.0 ${payloads[0]}`,
          status: 'succeeded',
        });
      expect(deployment.status).toBe(201);
      const deployments = await get('/deployments?environment=staging');
      expect(deployments.status).toBe(200);
      expect(deployments.body.items).toEqual([
        expect.objectContaining({
          externalId: `run ${payloads[1]}`,
          version: `1.0 ${payloads[0]}`,
        }),
      ]);
      // A wildcard is not a valid environment name, not a pattern.
      const none = await get(
        `/deployments?environment=${encodeURIComponent('stag%')}`,
      );
      expect(none.status).toBe(400);

      const model = await app.api
        .put(`${base}/models/normal`)
        .set('Authorization', rm)
        .send({
          revision: 1,
          ...normalModelInput,
          title: payload.slice(0, 200),
          description: payload,
        });
      expect([model.status, model.body.error?.message]).toEqual([
        200,
        undefined,
      ]);
      expect((await get('/models/normal')).body).toMatchObject({
        title: payload.slice(0, 200),
        description: payload,
      });
    });
  });
});

import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { auditSince } from '../__testUtils__/reliability';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from '../__testUtils__/testApp';

jest.setTimeout(120_000);

const rm = as('user:default/rm');
const cart = 'component:default/cart';
const hour = 3_600_000;
const WRITERS = 8;

describe('concurrent writes', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    // Windows start well after now: the flag model has no lead time, and
    // each test gets a day of its own so that tests do not conflict.
    const day0 = Math.ceil(Date.now() / (24 * hour)) * 24 * hour + 24 * hour;
    let nextDay = 0;
    const windowOnNewDay = () => {
      const start = day0 + nextDay++ * 24 * hour + 9 * hour;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + 2 * hour).toISOString(),
        timeZone: 'Europe/Oslo',
      };
    };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({ knex, models: pipelineModels });
      await createNormalModel(app.api);
    });

    const post = (path: string, body: object) =>
      app.api.post(`${base}${path}`).set('Authorization', rm).send(body);

    async function createRelease(body: object) {
      const res = await post('/releases', body);
      if (res.status !== 201) throw new Error(`create: ${res.text}`);
      return res.body as { id: string; revision: number };
    }

    const statusesOf = async (ids: string[]) =>
      (await knex('releases').whereIn('id', ids).select('id', 'status')).map(
        r => r.status as string,
      );

    it('lets exactly one of concurrent edits at the same revision win (no lost update)', async () => {
      const release = await createRelease(releaseBody());
      const before = app.auditEvents.length;
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          app.api
            .patch(`${base}/releases/${release.id}`)
            .set('Authorization', rm)
            .send({
              revision: release.revision,
              title: `Edit ${i}`,
              notes: `notes of edit ${i}`,
            }),
        ),
      );

      const statuses = results.map(r => r.status).sort();
      expect(statuses).toEqual([
        200,
        ...Array.from({ length: WRITERS - 1 }, () => 409),
      ]);
      for (const lost of results.filter(r => r.status === 409)) {
        expect(lost.body.error.message).toMatch(
          /is at revision 2, not 1; reload it/,
        );
      }
      const winner = results.find(r => r.status === 200)!.body;

      // The stored release is the winner's write, whole: title and notes
      // of the same edit, never a mix.
      const stored = await app.api
        .get(`${base}/releases/${release.id}`)
        .set('Authorization', rm);
      expect(stored.body).toMatchObject({
        revision: 2,
        title: winner.title,
      });
      expect(stored.body.notes).toBe(
        `notes of edit ${winner.title.slice('Edit '.length)}`,
      );

      // History: the creation and exactly the one accepted edit.
      const history = await app.api
        .get(`${base}/releases/${release.id}/history`)
        .set('Authorization', rm);
      expect(
        history.body.items.map((h: any) => [h.revision, h.action]),
      ).toEqual([
        [1, 'created'],
        [2, 'updated'],
      ]);
      expect(history.body.items[1].details.changes.title.to).toBe(winner.title);

      // Audit: one success, and one failure per refused writer.
      const events = auditSince(app.auditEvents, before);
      expect(events.filter(e => e.outcome === 'success')).toHaveLength(1);
      expect(
        events.filter(e => e.outcome === 'fail' && e.error === 'ConflictError'),
      ).toHaveLength(WRITERS - 1);
    });

    it('keeps every write of a chain of edits that each read the latest revision', async () => {
      const release = await createRelease(releaseBody());
      let revision = release.revision;
      for (let i = 0; i < 5; i++) {
        const res = await app.api
          .patch(`${base}/releases/${release.id}`)
          .set('Authorization', rm)
          .send({ revision, title: `Step ${i}` });
        expect(res.status).toBe(200);
        revision = res.body.revision;
      }
      const history = await knex('release_history')
        .where({ release_id: release.id })
        .orderBy('id');
      expect(history.map(h => Number(h.revision))).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('lets no release be scheduled inside a hard freeze, however many race', async () => {
      const window = windowOnNewDay();
      const freeze = await post('/freeze-windows', {
        title: 'Hard freeze',
        severity: 'hard',
        start: new Date(Date.parse(window.start) - hour).toISOString(),
        end: new Date(Date.parse(window.end) + hour).toISOString(),
        timeZone: 'UTC',
        scope: { type: 'entities', refs: [cart] },
      });
      expect(freeze.status).toBe(201);

      // Created and scheduled at once, each on its own: the freeze must
      // stop every one of them.
      const results = await Promise.all(
        Array.from({ length: WRITERS }, async (_, i) => {
          const release = await createRelease(
            releaseBody({
              model: 'flag',
              title: `In the freeze ${i}`,
              plannedWindow: window,
            }),
          );
          const res = await post(`/releases/${release.id}/transitions`, {
            to: 'scheduled',
          });
          return { id: release.id, res };
        }),
      );
      for (const { res } of results) {
        expect(res.status).toBe(409);
        expect(res.body.error.message).toMatch(/Hard freeze "Hard freeze"/);
      }
      expect(await statusesOf(results.map(r => r.id))).toEqual(
        results.map(() => 'draft'),
      );
      expect(
        await knex('release_history')
          .whereIn(
            'release_id',
            results.map(r => r.id),
          )
          .andWhere('action', 'transitioned'),
      ).toEqual([]);
    });

    it('schedules only one of overlapping releases of one entity that race to be scheduled', async () => {
      const window = windowOnNewDay();
      const releases = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          createRelease(
            releaseBody({
              model: 'flag',
              title: `Racer ${i}`,
              plannedWindow: {
                ...window,
                // Overlapping, not identical, windows.
                start: new Date(Date.parse(window.start) + i * 60_000),
              },
            }),
          ),
        ),
      );
      const results = await Promise.all(
        releases.map(r =>
          post(`/releases/${r.id}/transitions`, { to: 'scheduled' }),
        ),
      );
      expect(results.map(r => r.status).sort()).toEqual([
        200,
        ...Array.from({ length: WRITERS - 1 }, () => 409),
      ]);
      for (const refused of results.filter(r => r.status === 409)) {
        expect(refused.body.error.message).toMatch(
          /component:default\/cart is also in release "Racer \d"/,
        );
      }
      const statuses = await statusesOf(releases.map(r => r.id));
      expect(statuses.filter(s => s === 'scheduled')).toHaveLength(1);
      expect(statuses.filter(s => s === 'draft')).toHaveLength(WRITERS - 1);
    });
  });
});

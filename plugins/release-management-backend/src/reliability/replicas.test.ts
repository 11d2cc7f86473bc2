import knexFactory, { type Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { as, base, releaseBody, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(120_000);

const rm = as('user:default/rm');
const hour = 3_600_000;
const RACERS = 8;

const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

/**
 * Two backend replicas on one PostgreSQL database, each with its own
 * connection pool, as in a deployment with several backend instances.
 * (Reminders, the one global scheduled job that writes, claim each
 * reminder in the database; ReleaseReminders.test.ts runs two replicas of
 * it. The catalog snapshot refresh is local to each replica and writes
 * nothing.)
 */
(postgres.length ? describe.each(postgres) : describe.skip.each([['none']]))(
  'two replicas on %p',
  databaseId => {
    let knexA: Knex;
    let knexB: Knex;
    let a: Awaited<ReturnType<typeof startTestApp>>;
    let b: Awaited<ReturnType<typeof startTestApp>>;
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
      knexA = await databases.init(databaseId as any);
      // A second pool on the same database: the other replica.
      knexB = knexFactory(knexA.client.config);
      a = await startTestApp({ knex: knexA, models: pipelineModels });
      b = await startTestApp({ knex: knexB, models: pipelineModels });
    });

    afterAll(async () => {
      await knexB.destroy();
    });

    const replica = (i: number) => (i % 2 === 0 ? a : b);

    it('schedules only one of overlapping releases racing on both replicas', async () => {
      const window = windowOnNewDay();
      const ids = await Promise.all(
        Array.from({ length: RACERS }, async (_, i) => {
          const res = await a.api
            .post(`${base}/releases`)
            .set('Authorization', rm)
            .send(
              releaseBody({
                model: 'flag',
                title: `Racer ${i}`,
                plannedWindow: window,
              }),
            );
          if (res.status !== 201) throw new Error(res.text);
          return res.body.id as string;
        }),
      );
      const results = await Promise.all(
        ids.map((id, i) =>
          replica(i)
            .api.post(`${base}/releases/${id}/transitions`)
            .set('Authorization', rm)
            .send({ to: 'scheduled' }),
        ),
      );
      expect(results.map(r => r.status).sort()).toEqual([
        200,
        ...Array.from({ length: RACERS - 1 }, () => 409),
      ]);
      const scheduled = await knexA('releases')
        .whereIn('id', ids)
        .andWhere('status', 'scheduled');
      expect(scheduled).toHaveLength(1);
    });

    it('lets one of concurrent edits on both replicas win, the rest 409', async () => {
      const created = await a.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody({ model: 'flag' }));
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          replica(i)
            .api.patch(`${base}/releases/${created.body.id}`)
            .set('Authorization', rm)
            .send({ revision: 1, title: `Edit ${i}` }),
        ),
      );
      expect(results.filter(r => r.status === 200)).toHaveLength(1);
      expect(results.filter(r => r.status === 409)).toHaveLength(RACERS - 1);
      const history = await knexB('release_history').where({
        release_id: created.body.id,
      });
      expect(history).toHaveLength(2);
    });
  },
);

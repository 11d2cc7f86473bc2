import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { as, base, releaseBody, startTestApp } from '../__testUtils__/testApp';
import { DatabaseReleaseModelStore } from '../database/DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const hour = 3_600_000;

const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

/** Settles with what `promise` gave, or 'still waiting' after `ms`. */
async function within<T>(promise: Promise<T>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  const outcome = await Promise.race([
    promise.then(
      value => ({ value }),
      error => ({ error: error as Error }),
    ),
    new Promise<'still waiting'>(resolve => {
      timer = setTimeout(() => resolve('still waiting'), ms);
    }),
  ]);
  clearTimeout(timer);
  return { outcome, tookMs: Date.now() - started };
}

/**
 * The scheduling lock when the replica holding it dies or hangs: the
 * others must get their turn within a bounded time, and the dead holder
 * must not write its decision after it lost the lock.
 */
(postgres.length ? describe.each(postgres) : describe.skip.each([['none']]))(
  'scheduling lock on %p when its holder dies',
  databaseId => {
    let knex: Knex;
    const pools: Knex[] = [];

    /** Another replica's store: its own pool on the same database. */
    async function replicaStore(
      schedulingLock?: Parameters<
        typeof DatabaseReleaseStore.create
      >[0]['schedulingLock'],
    ) {
      const pool = knexFactory(knex.client.config);
      pools.push(pool);
      const store = await DatabaseReleaseStore.create({
        database: mockServices.database({ knex: pool }),
        schedulingLock,
      });
      return { pool, store };
    }

    /** Takes the lock in `store` and holds it until `let go` is called. */
    async function holdLock(store: DatabaseReleaseStore, releaseId: string) {
      let letGo!: () => void;
      const held = new Promise<void>(resolve => {
        letGo = resolve;
      });
      let entered!: () => void;
      const inside = new Promise<void>(resolve => {
        entered = resolve;
      });
      const decision = store.withSchedulingLock(async locked => {
        entered();
        await held;
        // The holder decides after it lost its connection.
        const release = (await locked.get(releaseId))!;
        return locked.update(
          releaseId,
          release.revision,
          { fields: { status: 'scheduled' } },
          {
            actor: 'user:default/rm',
            at: new Date().toISOString(),
            action: 'transitioned',
            details: { from: release.status, to: 'scheduled' },
          },
        );
      });
      decision.catch(() => undefined);
      await inside;
      const holders = await knex.raw(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted`,
      );
      expect(holders.rows).toHaveLength(1);
      return { decision, letGo, pid: holders.rows[0].pid as number };
    }

    beforeAll(async () => {
      knex = await databases.init(databaseId as any);
      const database = mockServices.database({ knex });
      const models = await DatabaseReleaseModelStore.create({ database });
      await models.create({
        name: 'normal',
        source: 'api',
        definition: normalModel,
        actor: 'user:default/rm',
        now: '2029-01-01T00:00:00.000Z',
      });
    });

    afterAll(async () => {
      await Promise.all(pools.map(p => p.destroy()));
    });

    it('lets a waiting replica decide as soon as the holding connection is killed, and the dead holder writes nothing', async () => {
      const holder = await replicaStore();
      const other = await replicaStore();
      await holder.store.create(draftRelease({ id: 'held' }), {
        actor: 'user:default/rm',
        at: '2029-06-01T00:00:00.000Z',
        action: 'created',
        details: {},
      });
      const { decision, letGo, pid } = await holdLock(holder.store, 'held');

      const waiting = other.store.withSchedulingLock(async locked =>
        locked.count(),
      );
      await new Promise(resolve => setTimeout(resolve, 300));
      await knex.raw('SELECT pg_terminate_backend(?)', [pid]);

      const { outcome, tookMs } = await within(waiting, 5_000);
      expect(outcome).toEqual({ value: 1 });
      expect(tookMs).toBeLessThan(5_000);

      // The holder goes on with its decision: it must fail with a 503, not
      // be written after another replica already had the lock.
      letGo();
      const dead = await within(decision, 5_000);
      expect(dead.outcome).toMatchObject({
        error: { name: 'ServiceUnavailableError' },
      });
      expect(
        (await knex('releases').where({ id: 'held' }).first()).status,
      ).toBe('draft');
      // Its queue is free again and its pool holds no connection.
      expect(
        (
          await within(
            holder.store.withSchedulingLock(async () => 'next'),
            5_000,
          )
        ).outcome,
      ).toEqual({ value: 'next' });
      expect((holder.pool.client as any).pool.numUsed()).toBe(0);
      expect((other.pool.client as any).pool.numUsed()).toBe(0);
    });

    it('bounds the wait: a hung holder is ended by the server, waiters get a 503 to try again instead of hanging', async () => {
      const holder = await replicaStore({ holdMs: 1_500 });
      const impatient = await replicaStore({ waitMs: 300 });
      const patient = await replicaStore({ waitMs: 5_000 });
      await holder.store.create(draftRelease({ id: 'hung' }), {
        actor: 'user:default/rm',
        at: '2029-06-01T00:00:00.000Z',
        action: 'created',
        details: {},
      });
      // Hung: it never lets go, as a replica that froze or vanished
      // without closing its connection.
      const { decision } = await holdLock(holder.store, 'hung');

      const refused = await within(
        impatient.store.withSchedulingLock(async () => 'impatient'),
        3_000,
      );
      expect(refused.outcome).toMatchObject({
        error: {
          name: 'ServiceUnavailableError',
          message: expect.stringMatching(/try again/),
        },
      });

      // The server ends the idle holder after holdMs: the lock is free.
      const served = await within(
        patient.store.withSchedulingLock(async () => 'patient'),
        5_000,
      );
      expect(served.outcome).toEqual({ value: 'patient' });
      expect(served.tookMs).toBeLessThan(5_000);
      // The hung holder's decision is given up: it fails, writes nothing,
      // and its pool has its connection back.
      expect((await within(decision, 3_000)).outcome).toMatchObject({
        error: { name: 'ServiceUnavailableError' },
      });
      expect(
        (await knex('releases').where({ id: 'hung' }).first()).status,
      ).toBe('draft');
      expect((holder.pool.client as any).pool.numUsed()).toBe(0);
    });

    it('does not let one stuck decision block the queue of its own process forever', async () => {
      const { store } = await replicaStore({ waitMs: 300 });
      let unstick!: () => void;
      const stuck = store.withSchedulingLock(
        () =>
          new Promise<string>(resolve => {
            unstick = () => resolve('stuck');
          }),
      );
      const next = await within(
        store.withSchedulingLock(async () => 'next'),
        3_000,
      );
      expect(next.outcome).toMatchObject({
        error: { name: 'ServiceUnavailableError' },
      });
      unstick();
      await stuck.catch(() => undefined);
      expect(
        (
          await within(
            store.withSchedulingLock(async () => 'after'),
            3_000,
          )
        ).outcome,
      ).toEqual({ value: 'after' });
      // A decision that fails hands its turn on too.
      await expect(
        store.withSchedulingLock(async () => {
          throw new Error('decision failed');
        }),
      ).rejects.toThrow('decision failed');
      expect(
        (
          await within(
            store.withSchedulingLock(async () => 'again'),
            3_000,
          )
        ).outcome,
      ).toEqual({ value: 'again' });
    });

    it('lets a backend schedule over HTTP once the replica holding the lock is killed mid-decision', async () => {
      const poolB = knexFactory(knex.client.config);
      pools.push(poolB);
      const b = await startTestApp({ knex: poolB, models: pipelineModels });
      const holder = await replicaStore();
      await holder.store.create(draftRelease({ id: 'killed' }), {
        actor: 'user:default/rm',
        at: '2029-06-01T00:00:00.000Z',
        action: 'created',
        details: {},
      });
      const start = Math.ceil(Date.now() / (24 * hour)) * 24 * hour + 33 * hour;
      const created = await b.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(
          releaseBody({
            model: 'flag',
            plannedWindow: {
              start: new Date(start).toISOString(),
              end: new Date(start + 2 * hour).toISOString(),
              timeZone: 'Europe/Oslo',
            },
          }),
        );
      expect(created.status).toBe(201);

      const { decision, letGo, pid } = await holdLock(holder.store, 'killed');
      const move = b.api
        .post(`${base}/releases/${created.body.id}/transitions`)
        .set('Authorization', rm)
        .send({ to: 'scheduled' })
        .then(res => res);
      await new Promise(resolve => setTimeout(resolve, 300));
      await knex.raw('SELECT pg_terminate_backend(?)', [pid]);

      const { outcome, tookMs } = await within(move, 5_000);
      expect(outcome).toMatchObject({ value: { status: 200 } });
      expect(tookMs).toBeLessThan(5_000);
      letGo();
      await decision.catch(() => undefined);
      expect(
        await knex('releases')
          .whereIn('id', ['killed', created.body.id])
          .orderBy('id')
          .select('id', 'status'),
      ).toEqual(
        [
          { id: 'killed', status: 'draft' },
          { id: created.body.id, status: 'scheduled' },
        ].sort((x, y) => (x.id < y.id ? -1 : 1)),
      );
    });
  },
);

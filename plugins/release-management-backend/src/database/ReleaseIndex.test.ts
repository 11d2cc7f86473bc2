import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { CachedFreezeWindowStore } from './CachedFreezeWindowStore';
import { CachedReleaseModelStore } from './CachedReleaseModelStore';
import { ChangeCounters } from './ChangeCounters';
import { DatabaseFreezeWindowStore } from './DatabaseFreezeWindowStore';
import { DatabaseReleaseModelStore } from './DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';
import { ReleaseIndex } from './ReleaseIndex';
import type {
  ReleaseListFilter,
  ScheduledQuery,
  StoredRelease,
} from './ReleaseStore';

jest.setTimeout(60_000);

const history = {
  actor: 'user:default/rm',
  at: '2030-01-01T00:00:00.000Z',
  action: 'test',
  details: {},
};
const hour = 3_600_000;
const t0 = Date.parse('2030-01-07T00:00:00.000Z');
const at = (h: number) => new Date(t0 + h * hour).toISOString();

/** Two replicas of the stores on one database: A writes, B reads. */
async function replicas(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<ReturnType<typeof createTestDatabases>['init']>[0],
) {
  const knexA = await databases.init(databaseId);
  // On PostgreSQL a second pool, as another backend instance has; the
  // SQLite test database lives in one connection.
  const knexB: Knex = databaseId.startsWith('POSTGRES')
    ? knexFactory(knexA.client.config)
    : knexA;
  const a = mockServices.database({ knex: knexA });
  const b = mockServices.database({ knex: knexB });
  const modelsA = await DatabaseReleaseModelStore.create({ database: a });
  await modelsA.create({
    name: 'normal',
    source: 'api',
    definition: normalModel,
    actor: 'user:default/rm',
    now: '2029-01-01T00:00:00.000Z',
  });
  const storeA = await DatabaseReleaseStore.create({ database: a });
  const storeB = await DatabaseReleaseStore.create({ database: b });
  const counters = await ChangeCounters.create({ database: b });
  return {
    knexB,
    modelsA,
    storeA,
    storeB,
    freezesA: await DatabaseFreezeWindowStore.create({ database: a }),
    freezesB: new CachedFreezeWindowStore(
      await DatabaseFreezeWindowStore.create({ database: b }),
      counters,
    ),
    modelsB: new CachedReleaseModelStore(
      await DatabaseReleaseModelStore.create({ database: b }),
      counters,
    ),
    indexB: await ReleaseIndex.create({
      database: b,
      counters,
      store: storeB,
    }),
    close: async () => {
      if (knexB !== knexA) await knexB.destroy();
    },
  };
}

function release(id: string, overrides: Partial<StoredRelease> = {}) {
  return draftRelease({ id, ...overrides });
}

const item = (name: string, owner = 'group:default/team-a') => ({
  entityRef: `component:default/${name}`,
  version: '1.0.0',
  owner,
  system: 'system:default/shop',
});

describe('ReleaseIndex and the cached stores', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('answer what the store answers, for every filter', async () => {
      const r = await replicas(databases, databaseId);
      const statuses = ['draft', 'planned', 'scheduled', 'closed'] as const;
      for (let i = 0; i < 40; i++) {
        await r.storeA.create(
          release(`r${String(i).padStart(2, '0')}`, {
            status: statuses[i % 4],
            visibility: i % 5 === 0 ? 'restricted' : 'normal',
            releaseManager: `user:default/rm${i % 3}`,
            scope: [
              item(`c${i % 7}`),
              item(`c${(i * 3) % 11}`, 'group:default/team-b'),
            ].filter(
              (s, k, all) =>
                all.findIndex(o => o.entityRef === s.entityRef) === k,
            ),
            plannedWindow:
              i % 10 === 9
                ? null
                : {
                    // Some share a start, some touch, a few are long.
                    start: at((i * 5) % 60),
                    end: at(((i * 5) % 60) + (i % 8 === 0 ? 200 : 2)),
                    timeZone: 'Europe/Oslo',
                  },
          }),
          history,
        );
      }
      const filters: Array<Omit<ReleaseListFilter, 'offset'>> = [
        { limit: 100 },
        { limit: 5 },
        { from: at(10), to: at(30), limit: 100 },
        { from: at(10), to: at(10.5), limit: 100 },
        { to: at(20), limit: 100 },
        { from: at(40), limit: 100 },
        { entityRef: 'component:default/c3', limit: 100 },
        {
          entityRefs: ['component:default/c1', 'component:default/c9'],
          from: at(0),
          to: at(50),
          limit: 100,
        },
        { entityRefs: [], limit: 100 },
        { statuses: ['planned', 'scheduled'], models: ['normal'], limit: 100 },
        { model: 'other', limit: 100 },
        {
          from: at(0),
          to: at(60),
          permission: {
            property: 'releaseManager',
            values: ['user:default/rm1'],
          },
          limit: 100,
        },
        {
          permission: {
            anyOf: [
              { property: 'scopeOwner', values: ['group:default/team-b'] },
              { not: { property: 'status', values: ['draft', 'closed'] } },
            ],
          },
          limit: 100,
        },
        {
          permission: {
            anyOf: [
              { not: { property: 'visibility', values: ['restricted'] } },
              { property: 'releaseManager', values: ['user:default/rm2'] },
            ],
          },
          limit: 100,
        },
        {
          permission: {
            allOf: [
              { property: 'scopeEntity', values: ['component:default/c2'] },
              { property: 'status', values: [] },
            ],
          },
          limit: 100,
        },
      ];
      // Scope comes in the table's order on both sides, which SQL leaves open.
      const sorted = (page: { items: Array<{ scope: string[] }> }) => ({
        ...page,
        items: page.items.map(x => ({ ...x, scope: [...x.scope].sort() })),
      });
      for (const filter of filters) {
        expect(sorted(await r.indexB.listSummaries(filter))).toEqual(
          sorted(await r.storeB.listSummaries(filter)),
        );
      }
      const byId = (x: { id: string }, y: { id: string }) =>
        x.id < y.id ? -1 : 1;
      let restricted = 0;
      for (const [from, to, readable] of [
        [0, 1],
        [9, 31],
        [59, 400],
        [2, 2.5],
        // As a reader who may not see restricted releases except rm1's.
        [0, 400, true],
      ] as const) {
        const options: ScheduledQuery = {
          from: at(from),
          to: at(to),
          statuses: ['planned', 'scheduled'] as any,
          excludeId: 'r05',
          ...(readable
            ? {
                readable: {
                  anyOf: [
                    {
                      not: {
                        property: 'visibility' as const,
                        values: ['restricted'],
                      },
                    },
                    {
                      property: 'releaseManager' as const,
                      values: ['user:default/rm1'],
                    },
                  ],
                },
              }
            : {}),
        };
        const mine = await r.indexB.listScheduled(options);
        const theirs = await r.storeB.listScheduled(options);
        restricted += theirs.filter(x => x.restricted).length;
        expect(
          mine.sort(byId).map(x => ({ ...x, scope: [...x.scope].sort() })),
        ).toEqual(
          theirs.sort(byId).map(x => ({ ...x, scope: [...x.scope].sort() })),
        );
      }
      // The reader above met restricted releases, so the comparison of
      // `restricted` was not between two empty sets.
      expect(restricted).toBeGreaterThan(0);
      await r.close();
    });

    it('see writes made through another replica', async () => {
      const r = await replicas(databases, databaseId);
      const window = { start: at(1), end: at(3), timeZone: 'Europe/Oslo' };
      await r.storeA.create(
        release('x', {
          status: 'planned',
          plannedWindow: window,
          scope: [item('cart')],
        }),
        history,
      );
      const scheduled = () =>
        r.indexB.listScheduled({
          from: at(0),
          to: at(10),
          statuses: ['planned', 'scheduled'],
        });
      const calendar = (ref: string) =>
        r.indexB.listSummaries({
          entityRef: `component:default/${ref}`,
          limit: 10,
        });

      expect((await scheduled()).map(x => x.id)).toEqual(['x']);

      // A new release, then a moved window, a changed scope and status.
      await r.storeA.create(
        release('y', {
          status: 'scheduled',
          plannedWindow: window,
          scope: [item('cart')],
        }),
        history,
      );
      expect((await scheduled()).map(x => x.id).sort()).toEqual(['x', 'y']);
      await r.storeA.update(
        'x',
        1,
        {
          fields: { plannedWindow: { ...window, start: at(20), end: at(22) } },
        },
        history,
      );
      expect((await scheduled()).map(x => x.id)).toEqual(['y']);
      await r.storeA.update('y', 1, { scope: [item('pricing')] }, history);
      expect((await calendar('cart')).items.map(x => x.id)).toEqual(['x']);
      expect((await calendar('pricing')).items.map(x => x.scope)).toEqual([
        ['component:default/pricing'],
      ]);
      await r.storeA.update(
        'y',
        2,
        { fields: { status: 'cancelled' } },
        history,
      );
      expect(await scheduled()).toEqual([]);

      // Freeze windows: created, changed, deleted.
      const freeze = {
        title: 'Freeze',
        reason: '',
        severity: 'hard' as const,
        start: at(0),
        end: at(5),
        timeZone: 'UTC',
        scope: { type: 'all' as const },
      };
      expect(await r.freezesB.listCandidates(at(0), at(10))).toEqual([]);
      await r.freezesA.create({
        id: 'f',
        definition: freeze,
        actor: 'a',
        now: at(0),
      });
      expect(
        (await r.freezesB.listCandidates(at(0), at(10))).map(f => f.title),
      ).toEqual(['Freeze']);
      await r.freezesA.update({
        id: 'f',
        expectedRevision: 1,
        definition: { ...freeze, title: 'Moved', start: at(50), end: at(60) },
        now: at(0),
      });
      expect(await r.freezesB.listCandidates(at(0), at(10))).toEqual([]);
      expect((await r.freezesB.list()).map(f => f.title)).toEqual(['Moved']);
      await r.freezesA.delete('f');
      expect(await r.freezesB.list()).toEqual([]);

      // Models: a new revision is read at once.
      expect((await r.modelsB.get('normal'))?.revision).toBe(1);
      await r.modelsA.update({
        name: 'normal',
        expectedRevision: 1,
        definition: { ...normalModel, title: 'Changed' },
        actor: 'a',
        now: at(0),
      });
      expect((await r.modelsB.get('normal'))?.definition.title).toBe('Changed');
      expect((await r.modelsB.list()).map(m => m.revision)).toEqual([2]);
      await r.close();
    });

    it('loads once for every reader that waits while a load is on its way', async () => {
      const r = await replicas(databases, databaseId);
      const window = { start: at(1), end: at(3), timeZone: 'Europe/Oslo' };
      const create = (id: string) =>
        r.storeA.create(
          release(id, {
            status: 'planned',
            plannedWindow: window,
            scope: [item('cart')],
          }),
          history,
        );
      const scheduled = async () =>
        (
          await r.indexB.listScheduled({
            from: at(0),
            to: at(10),
            statuses: ['planned'],
          })
        )
          .map(x => x.id)
          .sort();
      expect(await scheduled()).toEqual([]);

      // Hold the next load until two more writes have committed and two
      // more readers, each after one of them, wait for the index.
      const loads: number[] = [];
      let release1!: () => void;
      const held = new Promise<void>(resolve => (release1 = resolve));
      const index = r.indexB as any;
      const load = index.load.bind(index);
      jest
        .spyOn(index, 'load')
        .mockImplementation(async (target: any, seen: any) => {
          loads.push(target as number);
          if (loads.length === 1) await held;
          return load(target, seen);
        });
      const countersRead: number[] = [];
      const counters = index.counters;
      const get = counters.get.bind(counters);
      jest.spyOn(counters, 'get').mockImplementation(async (table: any) => {
        const value = await get(table);
        countersRead.push(value);
        return value;
      });
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 500 && !check(); i++) {
          await new Promise(resolve => setTimeout(resolve, 10));
        }
        expect(check()).toBe(true);
      };

      await create('a');
      const first = scheduled();
      await until(() => loads.length === 1);
      await create('b');
      const second = scheduled();
      await until(() => countersRead.length === 2);
      await create('c');
      const third = scheduled();
      await until(() => countersRead.length === 3);
      release1();

      // Each sees at least what committed before it asked; the held load
      // reads its rows late, so it may see more.
      expect(await first).toEqual(expect.arrayContaining(['a']));
      expect(await second).toEqual(['a', 'b', 'c']);
      expect(await third).toEqual(['a', 'b', 'c']);
      // The held load, then one load up to the third reader's counter,
      // which the second reader waits for too.
      expect(loads).toEqual([countersRead[0], countersRead[2]]);
      await r.close();
    });
  });
});

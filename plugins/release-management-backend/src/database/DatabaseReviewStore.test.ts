import { mockServices } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { DatabaseReleaseModelStore } from './DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';
import { DatabaseReviewStore } from './DatabaseReviewStore';

jest.setTimeout(60_000);

const at = (day: number) =>
  `2030-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;

describe('DatabaseReviewStore', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    await (
      await DatabaseReleaseModelStore.create({ database })
    ).create({
      name: 'normal',
      source: 'api',
      definition: normalModel,
      actor: 'user:default/rm',
      now: '2029-01-01T00:00:00.000Z',
    });
    await (
      await DatabaseReleaseStore.create({ database })
    ).create(draftRelease({ id: 'r1' }), {
      actor: 'user:default/rm',
      at: at(1),
      action: 'created',
      details: {},
    });
    return { knex, store: await DatabaseReviewStore.create({ database }) };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps one rating per user, the latest', async () => {
      const { store } = await setUp(databaseId);
      const rating = (by: string, value: number, day: number) =>
        store.rate({
          releaseId: 'r1',
          ratedBy: by,
          rating: value,
          comment: `${value} stars`,
          ratedAt: at(day),
        });
      await rating('user:default/a', 2, 2);
      await rating('user:default/b', 5, 3);
      await rating('user:default/a', 4, 4);
      expect(await store.listRatings('r1')).toEqual([
        {
          releaseId: 'r1',
          ratedBy: 'user:default/b',
          rating: 5,
          comment: '5 stars',
          ratedAt: at(3),
        },
        {
          releaseId: 'r1',
          ratedBy: 'user:default/a',
          rating: 4,
          comment: '4 stars',
          ratedAt: at(4),
        },
      ]);
    });

    it('keeps when owners were first told and who acknowledged', async () => {
      const { store } = await setUp(databaseId);
      await store.acknowledge(
        'r1',
        ['group:default/early'],
        'user:default/e',
        at(1),
      );
      await store.markNotified(
        'r1',
        ['group:default/early', 'group:default/team-cart'],
        at(2),
      );
      // Told again when the window moves: the first time stays.
      await store.markNotified('r1', ['group:default/team-cart'], at(3));
      const owners = await store.acknowledge(
        'r1',
        ['group:default/team-cart'],
        'user:default/owner',
        at(4),
      );
      expect(owners).toEqual([
        {
          ownerRef: 'group:default/early',
          notifiedAt: at(2),
          acknowledgedBy: 'user:default/e',
          acknowledgedAt: at(1),
        },
        {
          ownerRef: 'group:default/team-cart',
          notifiedAt: at(2),
          acknowledgedBy: 'user:default/owner',
          acknowledgedAt: at(4),
        },
      ]);
    });

    it('lets exactly one of several concurrent clients claim a reminder', async () => {
      const { knex, store } = await setUp(databaseId);
      // A second client of the same database, as another replica has; an
      // in-memory SQLite database exists for its one client only.
      const other = databaseId.startsWith('POSTGRES')
        ? knexFactory(knex.client.config)
        : knex;
      try {
        const otherStore = await DatabaseReviewStore.create({
          database: mockServices.database({
            knex: other,
            migrations: { skip: true },
          }),
        });
        const claims = await Promise.all(
          [store, otherStore, store, otherStore].map(s =>
            s.claimReminder('r1', '2030-01-07T09:00:00Z', at(5), at(6)),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        // A release moved to another start is reminded of again.
        expect(
          await store.claimReminder('r1', '2030-01-08T09:00:00Z', at(6), at(7)),
        ).toBe(true);
      } finally {
        if (other !== knex) await other.destroy();
      }
    });

    it('lets a claim that expired unconfirmed be claimed again, once; a confirmed one never', async () => {
      const { store } = await setUp(databaseId);
      const start = '2030-01-07T09:00:00Z';
      expect(await store.claimReminder('r1', start, at(1), at(3))).toBe(true);
      // Still claimed: the run that claimed it may be sending.
      expect(await store.claimReminder('r1', start, at(2), at(4))).toBe(false);
      // Expired unconfirmed: that run stopped before sending.
      const again = await Promise.all([
        store.claimReminder('r1', start, at(4), at(6)),
        store.claimReminder('r1', start, at(4), at(6)),
      ]);
      expect(again.filter(Boolean)).toHaveLength(1);
      await store.confirmReminder('r1', start, at(5));
      expect(await store.claimReminder('r1', start, at(9), at(10))).toBe(false);
    });
  });
});

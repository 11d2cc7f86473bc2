import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import knexFactory, { type Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { DatabaseReleaseModelStore } from '../database/DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import type { ImpactedOwners } from '../service/ImpactedOwners';
import { ReleaseNotifier } from './ReleaseNotifier';
import { ReleaseReminders } from './ReleaseReminders';

jest.setTimeout(60_000);

const now = new Date('2030-01-06T09:00:00.000Z');
const clock = { now: () => now };
const window = (start: string, end: string) => ({
  start,
  end,
  timeZone: 'Europe/Oslo',
});

describe('ReleaseReminders', () => {
  const databases = createTestDatabases();

  /** One backend replica's reminder task on its own database client. */
  async function replica(knex: Knex, sent: NotificationSendOptions[]) {
    const database = mockServices.database({
      knex,
      migrations: { skip: true },
    });
    const store = await DatabaseReviewStore.create({ database });
    const owners = {
      of: async () => ['group:default/team-cart'],
    } as unknown as ImpactedOwners;
    const logger = mockServices.logger.mock();
    return new ReleaseReminders({
      releaseStore: await DatabaseReleaseStore.create({ database }),
      store,
      notifier: new ReleaseNotifier({
        notifications: { send: async options => void sent.push(options) },
        owners,
        store,
        releases: {} as any,
        clock,
        logger,
      }),
      clock,
      logger,
      reminderDays: 2,
    });
  }

  async function seed(knex: Knex) {
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
    const releases = await DatabaseReleaseStore.create({ database });
    const history = {
      actor: 'user:default/rm',
      at: '2029-12-01T00:00:00.000Z',
      action: 'created',
      details: {},
    };
    await releases.create(
      draftRelease({
        id: 'tomorrow',
        status: 'scheduled',
        plannedWindow: window('2030-01-07T09:00:00Z', '2030-01-07T11:00:00Z'),
      }),
      history,
    );
    await releases.create(
      draftRelease({
        id: 'next-week',
        status: 'scheduled',
        plannedWindow: window('2030-01-13T09:00:00Z', '2030-01-13T11:00:00Z'),
      }),
      history,
    );
    await releases.create(
      draftRelease({
        id: 'under-way',
        status: 'scheduled',
        plannedWindow: window('2030-01-06T08:00:00Z', '2030-01-06T11:00:00Z'),
      }),
      history,
    );
    await releases.create(
      draftRelease({
        id: 'draft',
        status: 'draft',
        plannedWindow: window('2030-01-07T09:00:00Z', '2030-01-07T11:00:00Z'),
      }),
      history,
    );
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('reminds the owners of a release starting within the reminder days, once, whatever runs it', async () => {
      const knex = await databases.init(databaseId);
      await seed(knex);
      const sent: NotificationSendOptions[] = [];
      // Two backend instances on one PostgreSQL each have their own client;
      // an in-memory SQLite database has one client only.
      const second = databaseId.startsWith('POSTGRES')
        ? knexFactory(knex.client.config)
        : knex;
      try {
        const [a, b] = [await replica(knex, sent), await replica(second, sent)];
        const counts = await Promise.all([a.run(), b.run(), a.run()]);
        expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
        // A later run, as the next tick of the schedule, sends nothing.
        expect(await b.run()).toBe(0);
      } finally {
        if (second !== knex) await second.destroy();
      }
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/team-cart'],
          },
          payload: expect.objectContaining({
            title: 'Release starts soon: Basket sharing',
            link: '/release-management/releases/tomorrow?acknowledge=1',
            scope: 'release-management:tomorrow:reminder',
          }),
        },
      ]);
      // Telling the owners counts for the alignment metric.
      expect(
        await knex('release_impacted_owners').select(
          'release_id',
          'owner_ref',
          'notified_at',
        ),
      ).toEqual([
        {
          release_id: 'tomorrow',
          owner_ref: 'group:default/team-cart',
          notified_at: now.toISOString(),
        },
      ]);
    });

    it('schedules one global task, so that replicas take turns', async () => {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      await (await replica(knex, [])).schedule(scheduler);
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'release-management-reminders',
          scope: 'global',
        }),
      );
    });
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseFeedStore } from '../database/DatabaseFeedStore';
import { FeedService } from './FeedService';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const calendar = {
  from: '',
  to: '',
  releases: [],
  busy: [],
  truncated: false,
  freezes: [],
  maintenanceWindows: [],
  deployments: [],
  snapshot: { builtAt: '', ageSeconds: 0, entities: 0, stale: false },
};

describe('FeedService', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setUp(expiryDays?: number) {
      const knex = await databases.init(databaseId);
      let now = new Date('2031-03-01T12:00:00Z');
      const people = new Set(['user:default/ada']);
      let catalogUp = true;
      const calendars = { calendar: jest.fn(async () => calendar) };
      const feeds = new FeedService({
        store: await DatabaseFeedStore.create({
          database: mockServices.database({ knex }),
        }),
        calendars: calendars as any,
        clock: { now: () => now },
        apiBaseUrl: 'http://localhost:7007/api/release-management',
        appBaseUrl: 'http://localhost:3000',
        userExists: async ref => {
          if (!catalogUp) throw new Error('connect ECONNREFUSED 10.0.0.7:7007');
          return people.has(ref);
        },
        expiryDays,
      });
      const created = await feeds.create({
        owner: 'user:default/ada',
        scope: { type: 'all' },
        readFilter: {
          property: 'releaseManager',
          values: ['user:default/ada'],
        },
      });
      const token = created.url
        .split('/')
        .pop()!
        .replace(/\.ics$/, '');
      return {
        feeds,
        created,
        token,
        calendars,
        people,
        catalogDown: () => {
          catalogUp = false;
        },
        at: (iso: string) => {
          now = new Date(iso);
        },
      };
    }

    it('expires after the configured days until its owner renews it, with what they may read now', async () => {
      const { feeds, created, token, calendars, at } = await setUp(30);
      expect(created.expiresAt).toBe('2031-03-31T12:00:00.000Z');
      await expect(feeds.render(token)).resolves.toContain('BEGIN:VCALENDAR');

      at('2031-03-31T12:00:00Z');
      await expect(feeds.render(token)).rejects.toThrow(
        'This calendar feed expired on 2031-03-31T12:00:00.000Z; its owner can renew it in Backstage',
      );

      // Someone else's renewal is refused; the owner's applies their
      // current read criteria from then on.
      await expect(
        feeds.renew({ id: created.id, owner: 'user:default/bob' }),
      ).rejects.toThrow('You have no active calendar feed');
      const renewed = await feeds.renew({
        id: created.id,
        owner: 'user:default/ada',
        readFilter: { property: 'status', values: ['scheduled'] },
      });
      expect(renewed.expiresAt).toBe(
        new Date(Date.parse('2031-03-31T12:00:00Z') + 30 * DAY).toISOString(),
      );
      await expect(feeds.render(token)).resolves.toContain('BEGIN:VCALENDAR');
      expect(calendars.calendar).toHaveBeenLastCalledWith(
        expect.objectContaining({
          permission: { property: 'status', values: ['scheduled'] },
        }),
      );
    });

    it('stops when its owner has left the catalog, and when an administrator revokes it', async () => {
      const { feeds, created, token, people } = await setUp();
      expect(
        Date.parse(created.expiresAt) - Date.parse(created.createdAt),
      ).toBe(180 * DAY);
      people.delete('user:default/ada');
      await expect(feeds.render(token)).rejects.toThrow(
        'No such calendar feed, or it was revoked',
      );
      people.add('user:default/ada');
      await expect(feeds.render(token)).resolves.toContain('BEGIN:VCALENDAR');

      expect((await feeds.listAll()).map(f => [f.id, f.owner])).toEqual([
        [created.id, 'user:default/ada'],
      ]);
      await expect(
        feeds.revoke(created.id, 'user:default/bob'),
      ).rejects.toThrow('You have no active calendar feed');
      await feeds.revoke(created.id, undefined);
      await expect(feeds.render(token)).rejects.toThrow(
        'No such calendar feed, or it was revoked',
      );
      expect(await feeds.listAll()).toEqual([]);
    });

    it('shows freezes and maintenance windows only to owners who may read them, as of the last renewal', async () => {
      const { feeds, created, token, calendars } = await setUp();
      await feeds.render(token);
      expect(calendars.calendar).toHaveBeenLastCalledWith(
        expect.objectContaining({ freezes: true, maintenanceWindows: true }),
      );
      await feeds.renew({
        id: created.id,
        owner: 'user:default/ada',
        sees: { freezes: false, maintenanceWindows: false },
      });
      await feeds.render(token);
      expect(calendars.calendar).toHaveBeenLastCalledWith(
        expect.objectContaining({ freezes: false, maintenanceWindows: false }),
      );
    });

    it('answers 503 to try again, not 500, when the catalog cannot be read', async () => {
      const { feeds, token, catalogDown } = await setUp();
      catalogDown();
      const refusal = feeds.render(token);
      await expect(refusal).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          "The catalog could not be read to check the feed's owner; try again",
      });
    });
  });
});

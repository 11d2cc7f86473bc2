import { mockServices } from '@backstage/backend-test-utils';
import type { FreezeWindowDefinition } from '@release-management/plugin-release-management-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseFreezeWindowStore } from './DatabaseFreezeWindowStore';

jest.setTimeout(60_000);

const definition: FreezeWindowDefinition = {
  title: 'Year-end freeze',
  reason: 'Peak trading',
  severity: 'hard',
  start: '2030-12-20T00:00:00+01:00',
  end: '2031-01-03T00:00:00+01:00',
  timeZone: 'Europe/Oslo',
  scope: { type: 'domains', refs: ['domain:default/commerce'] },
};

describe('DatabaseFreezeWindowStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseFreezeWindowStore.create({
      database: mockServices.database({ knex }),
    });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates, reads, updates with revisions and deletes', async () => {
      const store = await createStore(databaseId);
      const created = await store.create({
        id: 'f1',
        definition,
        actor: 'user:default/rm',
        now: '2030-01-01T00:00:00.000Z',
      });
      expect(created).toEqual({
        id: 'f1',
        title: 'Year-end freeze',
        reason: 'Peak trading',
        severity: 'hard',
        start: '2030-12-19T23:00:00.000Z',
        end: '2031-01-02T23:00:00.000Z',
        timeZone: 'Europe/Oslo',
        scope: { type: 'domains', refs: ['domain:default/commerce'] },
        revision: 1,
        createdBy: 'user:default/rm',
        createdAt: '2030-01-01T00:00:00.000Z',
        updatedAt: '2030-01-01T00:00:00.000Z',
      });

      const updated = await store.update({
        id: 'f1',
        expectedRevision: 1,
        definition: { ...definition, severity: 'soft', rrule: 'FREQ=YEARLY' },
        now: '2030-02-01T00:00:00.000Z',
      });
      expect(updated).toMatchObject({
        severity: 'soft',
        rrule: 'FREQ=YEARLY',
        revision: 2,
        updatedAt: '2030-02-01T00:00:00.000Z',
      });
      await expect(
        store.update({
          id: 'f1',
          expectedRevision: 1,
          definition,
          now: '2030-03-01T00:00:00.000Z',
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect((await store.get('f1'))?.severity).toBe('soft');

      await store.delete('f1');
      expect(await store.get('f1')).toBeUndefined();
      await expect(store.delete('f1')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      await expect(
        store.update({
          id: 'f1',
          expectedRevision: 2,
          definition,
          now: '2030-03-01T00:00:00.000Z',
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('lists the windows that can occur in a range', async () => {
      const store = await createStore(databaseId);
      await store.create({
        id: 'later',
        definition,
        actor: 'user:default/rm',
        now: '2030-01-01T00:00:00.000Z',
      });
      await store.create({
        id: 'sooner',
        definition: {
          ...definition,
          start: '2030-06-01T00:00:00Z',
          end: '2030-06-02T00:00:00Z',
        },
        actor: 'user:default/rm',
        now: '2030-01-01T00:00:00.000Z',
      });
      await store.create({
        id: 'weekly',
        definition: {
          ...definition,
          start: '2030-01-04T15:00:00Z',
          end: '2030-01-04T18:00:00Z',
          rrule: 'FREQ=WEEKLY',
        },
        actor: 'user:default/rm',
        now: '2030-01-01T00:00:00.000Z',
      });
      expect((await store.list()).map(w => w.id)).toEqual([
        'weekly',
        'sooner',
        'later',
      ]);
      // A one-off window that ended before the range is not a candidate; a
      // recurring one that started long before is.
      expect(
        (
          await store.listCandidates(
            '2030-07-01T00:00:00Z',
            '2030-12-01T00:00:00Z',
          )
        ).map(w => w.id),
      ).toEqual(['weekly']);
      expect(
        (
          await store.listCandidates(
            '2030-05-01T00:00:00Z',
            '2030-12-01T00:00:00Z',
          )
        ).map(w => w.id),
      ).toEqual(['weekly', 'sooner']);
    });
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { normalModel } from '../__testUtils__/fixtures';
import { DatabaseReleaseModelStore } from './DatabaseReleaseModelStore';

jest.setTimeout(60_000);

describe('DatabaseReleaseModelStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseReleaseModelStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates a model at revision 1 and reads it back', async () => {
      const { store } = await createStore(databaseId);
      const created = await store.create({
        name: 'normal',
        source: 'api',
        definition: normalModel,
        actor: 'user:default/a',
        now: '2026-12-01T00:00:00.000Z',
      });
      expect(created).toEqual({
        name: 'normal',
        source: 'api',
        revision: 1,
        definition: normalModel,
        createdAt: '2026-12-01T00:00:00.000Z',
        updatedAt: '2026-12-01T00:00:00.000Z',
        updatedBy: 'user:default/a',
      });
      expect(await store.list()).toEqual([created]);
      expect(await store.get('missing')).toBeUndefined();
    });

    it('refuses a second model of the same name', async () => {
      const { store } = await createStore(databaseId);
      const model = {
        name: 'normal',
        source: 'api' as const,
        definition: normalModel,
        actor: 'user:default/a',
        now: '2026-12-01T00:00:00.000Z',
      };
      await store.create(model);
      await expect(store.create(model)).rejects.toMatchObject({
        name: 'ConflictError',
      });
    });

    it('adds revisions and keeps every earlier one unchanged', async () => {
      const { store } = await createStore(databaseId);
      await store.create({
        name: 'normal',
        source: 'api',
        definition: normalModel,
        actor: 'user:default/a',
        now: '2026-12-01T00:00:00.000Z',
      });
      const changed = { ...normalModel, title: 'Normal, reviewed' };
      const updated = await store.update({
        name: 'normal',
        expectedRevision: 1,
        definition: changed,
        actor: 'user:default/b',
        now: '2026-12-02T00:00:00.000Z',
      });
      expect(updated.revision).toBe(2);
      expect(updated.definition.title).toBe('Normal, reviewed');
      expect(updated.updatedBy).toBe('user:default/b');

      const revisions = await store.listRevisions('normal');
      expect(revisions.map(r => [r.revision, r.definition.title])).toEqual([
        [2, 'Normal, reviewed'],
        [1, 'Normal release'],
      ]);
      expect((await store.getRevision('normal', 1))?.definition).toEqual(
        normalModel,
      );
      expect(await store.getRevision('normal', 3)).toBeUndefined();
    });

    it('refuses an update on a stale revision and changes nothing', async () => {
      const { store } = await createStore(databaseId);
      await store.create({
        name: 'normal',
        source: 'api',
        definition: normalModel,
        actor: 'user:default/a',
        now: '2026-12-01T00:00:00.000Z',
      });
      await store.update({
        name: 'normal',
        expectedRevision: 1,
        definition: { ...normalModel, title: 'Second' },
        actor: 'user:default/a',
        now: '2026-12-02T00:00:00.000Z',
      });
      await expect(
        store.update({
          name: 'normal',
          expectedRevision: 1,
          definition: { ...normalModel, title: 'Lost update' },
          actor: 'user:default/b',
          now: '2026-12-03T00:00:00.000Z',
        }),
      ).rejects.toThrow(/at revision 2, not 1/);
      expect((await store.get('normal'))?.definition.title).toBe('Second');
      expect(await store.listRevisions('normal')).toHaveLength(2);
      await expect(
        store.update({
          name: 'nope',
          expectedRevision: 1,
          definition: normalModel,
          actor: 'user:default/b',
          now: '2026-12-03T00:00:00.000Z',
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });
  });
});

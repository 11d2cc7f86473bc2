import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import type { DeploymentRecord } from './DeploymentStore';

jest.setTimeout(60_000);

const record = (
  overrides: Partial<DeploymentRecord> = {},
): DeploymentRecord => ({
  externalId: 'gh:shop/cart/run/1',
  entityRef: 'component:default/cart',
  environment: 'production',
  production: true,
  version: '4.2.0',
  status: 'started',
  startedAt: '2030-01-07T09:30:00Z',
  finishedAt: null,
  pipelineUrl: 'https://ci.example.com/run/1',
  releaseId: null,
  recordedBy: 'user:default/ci',
  ...overrides,
});

const finding = {
  kind: 'deployment-without-release' as const,
  entityRef: 'component:default/cart',
  environment: 'production',
  releaseId: null,
  actor: 'user:default/ci',
  message: 'no release',
  details: { version: '4.2.0' },
  at: '2030-01-07T09:30:00.000Z',
};

describe('DatabaseDeploymentStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseDeploymentStore.create({
      database: mockServices.database({ knex }),
    });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('records an external id once and updates it after', async () => {
      const store = await createStore(databaseId);
      const first = await store.record({
        id: 'd1',
        record: record(),
        now: '2030-01-07T09:30:00.000Z',
        merge: () => ({}),
        finding,
      });
      expect(first.created).toBe(true);
      expect(first.finding).toMatchObject({
        kind: 'deployment-without-release',
        deploymentId: 'd1',
      });
      expect(first.deployment).toEqual({
        id: 'd1',
        externalId: 'gh:shop/cart/run/1',
        entityRef: 'component:default/cart',
        environment: 'production',
        production: true,
        version: '4.2.0',
        status: 'started',
        startedAt: '2030-01-07T09:30:00.000Z',
        finishedAt: null,
        pipelineUrl: 'https://ci.example.com/run/1',
        releaseId: null,
        recordedBy: 'user:default/ci',
        revision: 1,
        createdAt: '2030-01-07T09:30:00.000Z',
        updatedAt: '2030-01-07T09:30:00.000Z',
      });

      const merge = jest.fn(() => ({
        status: 'succeeded' as const,
        finishedAt: '2030-01-07T09:40:00Z',
      }));
      const second = await store.record({
        id: 'd2',
        record: record({ status: 'succeeded' }),
        now: '2030-01-07T09:40:00.000Z',
        merge,
        finding,
      });
      expect(merge).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'd1', status: 'started' }),
      );
      expect(second.created).toBe(false);
      expect(second.finding).toBeUndefined();
      expect(second.deployment).toMatchObject({
        id: 'd1',
        status: 'succeeded',
        finishedAt: '2030-01-07T09:40:00.000Z',
        revision: 2,
        updatedAt: '2030-01-07T09:40:00.000Z',
      });
      expect((await store.list({ limit: 10, offset: 0 })).totalCount).toBe(1);
      expect(await store.listFindings({})).toHaveLength(1);
    });

    it('writes nothing when the update is refused', async () => {
      const store = await createStore(databaseId);
      await store.record({
        id: 'd1',
        record: record(),
        now: '2030-01-07T09:30:00.000Z',
        merge: () => ({}),
      });
      await expect(
        store.record({
          id: 'd2',
          record: record({ environment: 'staging' }),
          now: '2030-01-07T09:31:00.000Z',
          merge: () => {
            throw new ConflictError('other environment');
          },
        }),
      ).rejects.toThrow('other environment');
      expect(await store.get('d1')).toMatchObject({ revision: 1 });
      expect(await store.get('d2')).toBeUndefined();
    });

    it('lists by entity, environment, release and time, newest first', async () => {
      const store = await createStore(databaseId);
      const add = (id: string, overrides: Partial<DeploymentRecord>) =>
        store.record({
          id,
          record: record({ externalId: id, ...overrides }),
          now: '2030-01-01T00:00:00.000Z',
          merge: () => ({}),
        });
      await add('a', { startedAt: '2030-01-05T10:00:00Z' });
      await add('b', {
        startedAt: '2030-01-06T10:00:00Z',
        environment: 'staging',
        production: false,
      });
      await add('c', {
        startedAt: '2030-01-07T10:00:00Z',
        entityRef: 'component:default/search',
      });
      const ids = async (filter: object) =>
        (await store.list({ limit: 10, offset: 0, ...filter })).items.map(
          d => d.id,
        );
      expect(await ids({})).toEqual(['c', 'b', 'a']);
      expect(await ids({ entityRef: 'component:default/cart' })).toEqual([
        'b',
        'a',
      ]);
      expect(await ids({ environment: 'staging' })).toEqual(['b']);
      expect(
        await ids({
          from: '2030-01-06T00:00:00Z',
          to: '2030-01-07T10:00:00Z',
        }),
      ).toEqual(['b']);
      expect(await ids({ entityRefs: [] })).toEqual([]);
      expect(await ids({ limit: 1, offset: 1 })).toEqual(['b']);
      expect(
        (
          await store.listForCalendar({
            entityRefs: ['component:default/search'],
            limit: 10,
          })
        ).map(d => [d.id, d.production]),
      ).toEqual([['c', true]]);
    });
  });
});

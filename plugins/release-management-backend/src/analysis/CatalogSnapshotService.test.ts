import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entitiesOf } from '../__testUtils__/graph';
import { CatalogSnapshotService } from './CatalogSnapshotService';

const entities = entitiesOf(
  Object.fromEntries(
    Array.from({ length: 25 }, (_, i) => [
      `component:default/c${i}`,
      i > 0 ? { dependsOn: [`component:default/c${i - 1}`] } : {},
    ]),
  ),
);

function service(
  catalog: ReturnType<typeof catalogServiceMock>,
  maxEntities = 1000,
) {
  let now = new Date('2030-01-01T00:00:00Z');
  const clock = { now: () => now };
  return {
    snapshots: new CatalogSnapshotService({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      clock,
      maxEntities,
      pageSize: 10,
      annotationKeys: async () => [],
    }),
    advance: (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

describe('CatalogSnapshotService', () => {
  it('reads the catalog in projected pages and builds the graph once', async () => {
    const catalog = catalogServiceMock({ entities });
    const spy = jest.spyOn(catalog, 'queryEntities');
    const { snapshots, advance } = service(catalog);

    const snapshot = await snapshots.current();
    expect(snapshot.graph.size).toBe(25);
    expect(snapshot.catalogCalls).toBe(3);
    expect(spy.mock.calls[0][0]).toMatchObject({
      fields: expect.arrayContaining(['kind', 'metadata.name', 'relations']),
      limit: 10,
    });
    // Cached: a second use reads nothing.
    advance(42);
    expect(await snapshots.current()).toBe(snapshot);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(snapshots.info(snapshot)).toMatchObject({
      ageSeconds: 42,
      entities: 25,
      edges: 48,
      stale: false,
      truncated: false,
    });
  });

  it('stops at maxEntities and marks the snapshot truncated', async () => {
    const { snapshots } = service(catalogServiceMock({ entities }), 12);
    const snapshot = await snapshots.current();
    expect(snapshot.graph.size).toBe(12);
    expect(snapshot.truncated).toBe(true);
  });

  it('keeps serving the last snapshot, marked stale, when a refresh fails', async () => {
    const catalog = catalogServiceMock({ entities });
    const { snapshots } = service(catalog);
    const first = await snapshots.current();
    jest
      .spyOn(catalog, 'queryEntities')
      .mockRejectedValue(new Error('catalog is down'));
    await expect(snapshots.refresh()).rejects.toThrow('catalog is down');
    expect(await snapshots.current()).toBe(first);
    expect(snapshots.info(first)).toMatchObject({
      stale: true,
      lastError: 'catalog is down',
    });
  });

  it('shares one build between concurrent callers', async () => {
    const catalog = catalogServiceMock({ entities });
    const spy = jest.spyOn(catalog, 'queryEntities');
    const { snapshots } = service(catalog);
    const [a, b] = await Promise.all([
      snapshots.refresh(),
      snapshots.refresh(),
    ]);
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('answers requested refreshes within the cooldown with the snapshot it has', async () => {
    const catalog = catalogServiceMock({ entities });
    const spy = jest.spyOn(catalog, 'queryEntities');
    const { snapshots, advance } = service(catalog);
    const first = await snapshots.requestRefresh();
    expect(spy).toHaveBeenCalledTimes(3);
    // A loop of requests within 30 s reads the catalog no more.
    for (let i = 0; i < 10; i++) {
      advance(2);
      expect(await snapshots.requestRefresh()).toBe(first);
    }
    expect(spy).toHaveBeenCalledTimes(3);
    // Past the cooldown a request rebuilds.
    advance(11);
    const second = await snapshots.requestRefresh();
    expect(second).not.toBe(first);
    expect(spy).toHaveBeenCalledTimes(6);
  });
});

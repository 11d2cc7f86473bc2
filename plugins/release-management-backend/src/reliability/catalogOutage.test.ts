import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/fixtures';
import { databaseState } from '../__testUtils__/reliability';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from '../__testUtils__/testApp';

jest.setTimeout(120_000);

const rm = as('user:default/rm');
const cart = 'component:default/cart';

type CatalogMode = 'up' | 'down' | 'cart-deleted';

/** A catalog that can go down, or lose the cart component, mid-test. */
function switchableCatalog() {
  const state = { mode: 'up' as CatalogMode };
  const current = () => {
    if (state.mode === 'down') {
      throw new Error('connect ECONNREFUSED 10.0.0.7:7007');
    }
    return catalogServiceMock({
      entities:
        state.mode === 'cart-deleted'
          ? catalogEntities.filter(e => e.metadata.name !== 'cart')
          : catalogEntities,
    });
  };
  type Options = { credentials: BackstageCredentials };
  const mock = catalogServiceMock.mock({
    queryEntities: async (request, options: Options) =>
      current().queryEntities(request, options),
    getEntitiesByRefs: async (request, options: Options) =>
      current().getEntitiesByRefs(request, options),
    getEntityByRef: async (ref, options: Options) =>
      current().getEntityByRef(ref, options),
  });
  return { state, factory: mock.factory };
}

describe('catalog down or an entity deleted', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    let catalog: ReturnType<typeof switchableCatalog>;
    let releaseId: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      catalog = switchableCatalog();
      app = await startTestApp({ knex, catalog: catalog.factory });
      await createNormalModel(app.api);
      const created = await app.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody());
      if (created.status !== 201) throw new Error(created.text);
      releaseId = created.body.id;
      await app.api
        .post(`${base}/analysis/snapshot/refresh`)
        .set('Authorization', rm)
        .expect(200);
    });

    afterEach(() => {
      catalog.state.mode = 'up';
    });

    const get = (path: string) =>
      app.api.get(`${base}${path}`).set('Authorization', rm);

    it('keeps serving releases and answers analyses from a stale snapshot while the catalog is down', async () => {
      catalog.state.mode = 'down';
      const before = await databaseState(knex);

      expect((await get(`/releases/${releaseId}`)).status).toBe(200);
      const list = await get(`/releases?entityRef=${cart}`);
      expect(list.body.items.map((r: any) => r.id)).toEqual([releaseId]);

      const refresh = await app.api
        .post(`${base}/analysis/snapshot/refresh`)
        .set('Authorization', rm);
      expect(refresh.status).toBe(200);
      expect(refresh.body).toMatchObject({ stale: true });

      const impact = await get(`/analysis/impact?entityRef=${cart}`);
      expect(impact.status).toBe(200);
      expect(impact.body.snapshot.stale).toBe(true);

      const calendar = await get(
        `/calendar?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&entityRef=${cart}`,
      );
      expect(calendar.status).toBe(200);
      expect(calendar.body.snapshot.stale).toBe(true);
      expect(JSON.stringify(calendar.body)).toContain(releaseId);

      const verification = await app.api
        .post(`${base}/releases/${releaseId}/verification`)
        .set('Authorization', rm);
      expect(verification.status).toBe(200);

      // Every table but the release, its history entry for the
      // verification and the counter of release changes is as it was:
      // nothing deleted.
      const after = await databaseState(knex);
      for (const table of Object.keys(before)) {
        if (
          table === 'releases' ||
          table === 'release_history' ||
          table === 'change_counters'
        ) {
          continue;
        }
        expect([table, after[table]]).toEqual([table, before[table]]);
      }
      expect(after.releases.rows).toBe(before.releases.rows);
    });

    it('refuses a scope change it cannot check with 503, not 500, and writes nothing', async () => {
      catalog.state.mode = 'down';
      const before = await databaseState(knex);
      const current = await get(`/releases/${releaseId}`);
      const res = await app.api
        .patch(`${base}/releases/${releaseId}`)
        .set('Authorization', rm)
        .send({
          revision: current.body.revision,
          scope: [{ entityRef: 'component:default/pricing', version: '2.0.0' }],
        });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(
        /catalog could not be read.*ECONNREFUSED/,
      );
      const created = await app.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody());
      expect(created.status).toBe(503);
      expect(await databaseState(knex)).toEqual(before);

      // A change that needs no catalog still goes through.
      const title = await app.api
        .patch(`${base}/releases/${releaseId}`)
        .set('Authorization', rm)
        .send({ revision: current.body.revision, title: 'Catalog is down' });
      expect(title.status).toBe(200);
    });

    it('keeps releases of a deleted entity and flags the entity as missing', async () => {
      catalog.state.mode = 'cart-deleted';
      await app.api
        .post(`${base}/analysis/snapshot/refresh`)
        .set('Authorization', rm)
        .expect(200);
      const scopeRows = await knex('release_scope').where({ entity_ref: cart });

      const release = await get(`/releases/${releaseId}`);
      expect(release.status).toBe(200);
      expect(release.body.scope.map((s: any) => s.entityRef)).toEqual([cart]);
      const listed = await get(`/releases?entityRef=${cart}`);
      expect(listed.body.items.map((r: any) => r.id)).toEqual([releaseId]);

      const verification = await app.api
        .post(`${base}/releases/${releaseId}/verification`)
        .set('Authorization', rm);
      expect(verification.status).toBe(200);
      expect(verification.body.verification.status).toBe('fail');
      expect(verification.body.verification.entities[0]).toMatchObject({
        entityRef: cart,
        status: 'fail',
        checks: [
          {
            id: 'exists',
            status: 'fail',
            message: `${cart} is not in the catalog`,
          },
        ],
      });

      // The entity's own calendar cannot be drawn without it: a 404 that
      // says so, never a 500; the release stays listed by entity.
      const calendar = await get(
        `/calendar?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&entityRef=${cart}`,
      );
      expect(calendar.status).toBe(404);
      expect(calendar.body.error.message).toBe(`${cart} is not in the catalog`);

      const impact = await get(`/analysis/impact?entityRef=${cart}`);
      expect(impact.status).toBeLessThan(500);

      expect(await knex('release_scope').where({ entity_ref: cart })).toEqual(
        scopeRows,
      );
    });
  });
});

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { METRIC_KEYS } from '@release-management/plugin-release-management-common';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { normalModelInput } from '../__testUtils__/fixtures';
import { entitiesOf } from '../__testUtils__/graph';
import { as, base, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const JAN = 'from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z';

// Three components in two systems of one domain; only cart has a model,
// by annotation, since the config model applies to APIs alone.
const entities = entitiesOf({
  'component:default/cart': {
    partOf: 'system:default/checkout',
    owner: 'group:default/team-cart',
    annotations: { 'release-management.io/model': 'config-normal' },
  },
  'component:default/pricing': {
    partOf: 'system:default/checkout',
    owner: 'group:default/team-cart',
  },
  'component:default/search': {
    partOf: 'system:default/discovery',
    owner: 'group:default/team-search',
  },
  'system:default/checkout': { partOf: 'domain:default/commerce' },
  'system:default/discovery': { partOf: 'domain:default/commerce' },
  'domain:default/commerce': {},
});
const models = [
  {
    name: 'config-normal',
    ...normalModelInput,
    applicability: { kinds: ['API'] },
  },
];

describe('GET /metrics', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({ knex, entities, models });
    });

    const get = (query: string) =>
      app.api
        .get(`${base}/metrics?${query}`)
        .set('Authorization', as('user:default/rm'));

    it('answers an empty period with every definition and null rates', async () => {
      const res = await get(JAN);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        from: '2030-01-01T00:00:00.000Z',
        to: '2030-02-01T00:00:00.000Z',
        groupBy: null,
        groups: [],
      });
      expect(res.body.definitions.map((d: any) => d.key)).toEqual([
        ...METRIC_KEYS,
      ]);
      expect(res.body.totals.successfulReleaseRate.value).toBeNull();
      expect(res.body.totals.changeFailureRate.value).toBeNull();
      expect(res.body.totals.deploymentFrequency.value).toBe(0);
      // Three components in the catalog, one with a model.
      expect(res.body.totals.modelAdoption).toEqual({
        value: 0.3333,
        numerator: 1,
        denominator: 3,
      });
    });

    it('splits deployments and adoption by the catalog system, owner and domain of each entity', async () => {
      await knex('deployments').insert(
        ['cart', 'pricing', 'search'].map((name, i) => ({
          id: `d${i}`,
          external_id: `d${i}`,
          entity_ref: `component:default/${name}`,
          environment: 'production',
          production: true,
          version: '1.0',
          status: 'succeeded',
          started_at: '2030-01-10T09:00:00.000Z',
          finished_at: null,
          pipeline_url: null,
          release_id: null,
          recorded_by: 'user:default/ci',
          revision: 1,
          created_at: '2030-01-10T09:00:00.000Z',
          updated_at: '2030-01-10T09:00:00.000Z',
        })),
      );
      const bySystem = await get(`${JAN}&groupBy=system`);
      expect(bySystem.status).toBe(200);
      const systems = Object.fromEntries(
        bySystem.body.groups.map((g: any) => [g.key, g]),
      );
      expect(
        systems['system:default/checkout'].metrics.deploymentFrequency
          .numerator,
      ).toBe(2);
      expect(systems['system:default/checkout'].label).toBe('checkout');
      expect(
        systems['system:default/discovery'].metrics.modelAdoption.value,
      ).toBe(0);

      const byDomain = await get(`${JAN}&groupBy=domain`);
      expect(byDomain.body.groups.map((g: any) => g.key)).toEqual([
        'domain:default/commerce',
      ]);
      expect(
        byDomain.body.groups[0].metrics.deploymentFrequency.numerator,
      ).toBe(3);

      const byModel = await get(`${JAN}&groupBy=model`);
      const perModel = Object.fromEntries(
        byModel.body.groups.map((g: any) => [g.key, g.metrics]),
      );
      expect(perModel['config-normal'].modelAdoption.value).toBe(0.3333);

      const byMonth = await get(`${JAN}&groupBy=month`);
      expect(byMonth.body.groups).toEqual([
        expect.objectContaining({ key: '2030-01', label: '2030-01' }),
      ]);
      expect(byMonth.body.groups[0].metrics.openBacklog.value).toBeNull();
    });

    it('refuses a bad query with 400 and says what is wrong', async () => {
      const bad = await get('groupBy=team');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/groupBy/);
      const backwards = await get(
        'from=2030-02-01T00:00:00Z&to=2030-01-01T00:00:00Z',
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toMatch(/from must be before to/);
      const future = await get('from=2999-01-01T00:00:00Z');
      expect(future.status).toBe(400);
    });

    it('needs credentials', async () => {
      const res = await app.api
        .get(`${base}/metrics`)
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(res.status).toBe(401);
    });
  });

  it('needs the metrics permission', async () => {
    const app = await startTestApp({
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    const res = await app.api
      .get(`${base}/metrics`)
      .set('Authorization', as('user:default/rm'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/release-management.metrics.read/);
  });
});

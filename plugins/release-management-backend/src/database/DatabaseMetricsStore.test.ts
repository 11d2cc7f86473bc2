import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { normalModel } from '../__testUtils__/fixtures';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';
import { DatabaseReleaseModelStore } from './DatabaseReleaseModelStore';
import { NO_GROUP } from './MetricsStore';

jest.setTimeout(60_000);

const JAN = {
  from: '2030-01-01T00:00:00.000Z',
  to: '2030-02-01T00:00:00.000Z',
};
const at = (day: number, time = '09:00') =>
  `2030-01-${String(day).padStart(2, '0')}T${time}:00.000Z`;

/** A release row as the store writes it, with only what a test sets. */
function releaseRow(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title: id,
    version_label: '1.0',
    notes: '',
    release_manager: 'user:default/rm',
    model_name: 'normal',
    model_revision: 1,
    status: 'draft',
    planned_start: null,
    planned_end: null,
    time_zone: null,
    actual_start: null,
    actual_end: null,
    phases: '[]',
    review: null,
    review_outcome: null,
    review_incident_count: null,
    deployed_at: null,
    closed_at: null,
    verification: null,
    revision: 1,
    created_by: 'user:default/rm',
    created_at: '2029-12-01T00:00:00.000Z',
    updated_at: '2029-12-01T00:00:00.000Z',
    ...overrides,
  };
}

const window = (start: string, end: string) => ({
  planned_start: start,
  planned_end: end,
  time_zone: 'UTC',
});

const deployment = (
  id: string,
  entity: string,
  status: string,
  startedAt: string,
  overrides: Record<string, unknown> = {},
) => ({
  id,
  external_id: id,
  entity_ref: `component:default/${entity}`,
  environment: 'production',
  production: true,
  version: '1.0',
  status,
  started_at: startedAt,
  finished_at: null,
  pipeline_url: null,
  release_id: null,
  recorded_by: 'user:default/ci',
  revision: 1,
  created_at: startedAt,
  updated_at: startedAt,
  ...overrides,
});

const finding = (id: string, kind: string, entity: string, when: string) => ({
  id,
  kind,
  entity_ref: `component:default/${entity}`,
  environment: 'production',
  deployment_id: null,
  release_id: null,
  actor: 'user:default/ci',
  message: kind,
  details: '{}',
  at: when,
});

describe('DatabaseMetricsStore', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const models = await DatabaseReleaseModelStore.create({ database });
    for (const name of ['normal', 'emergency']) {
      await models.create({
        name,
        source: 'api',
        definition: normalModel,
        actor: 'user:default/rm',
        now: '2029-01-01T00:00:00.000Z',
      });
    }
    return { knex, store: await DatabaseMetricsStore.create({ database }) };
  }

  async function scope(
    knex: Knex,
    releaseId: string,
    entity: string,
    system: string | null,
    owner: string | null,
  ) {
    await knex('release_scope').insert({
      release_id: releaseId,
      entity_ref: `component:default/${entity}`,
      version: '1.0',
      system_ref: system && `system:default/${system}`,
      owner_ref: owner && `group:default/${owner}`,
    });
  }

  /** Releases that ended in January, and one that ended in February. */
  async function endedReleases(knex: Knex) {
    await knex('releases').insert([
      // Reviewed successful, on schedule.
      releaseRow('a', {
        status: 'closed',
        ...window(at(7), at(7, '11:00')),
        actual_start: at(7),
        actual_end: at(7, '10:30'),
        review: '{}',
        review_outcome: 'successful',
        review_incident_count: 0,
      }),
      // Not reviewed but deployed: successful; ended 30 minutes late.
      releaseRow('b', {
        status: 'deployed',
        model_name: 'emergency',
        ...window(at(14), at(14, '11:00')),
        actual_start: at(14, '09:30'),
        actual_end: at(14, '11:30'),
      }),
      // Reviewed failed with two incidents; started early, so off schedule.
      releaseRow('c', {
        status: 'failed',
        ...window(at(20), at(20, '11:00')),
        actual_start: at(20, '08:50'),
        actual_end: at(20, '10:00'),
        review: '{}',
        review_outcome: 'failed',
        review_incident_count: 2,
      }),
      // Rolled back, no review, no planned window.
      releaseRow('d', {
        status: 'rolled-back',
        actual_start: at(25),
        actual_end: at(25, '10:00'),
      }),
      // Ended in February: outside the period.
      releaseRow('e', {
        status: 'deployed',
        actual_start: '2030-02-02T09:00:00.000Z',
        actual_end: '2030-02-02T10:00:00.000Z',
      }),
    ]);
    await scope(knex, 'a', 'cart', 'checkout', 'team-cart');
    await scope(knex, 'a', 'pricing', 'checkout', 'team-cart');
    await scope(knex, 'b', 'search', 'discovery', 'team-search');
    await scope(knex, 'c', 'cart', 'checkout', 'team-cart');
    await scope(knex, 'c', 'search', 'discovery', 'team-search');
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('has no groups at all for an empty period', async () => {
      const { store } = await setUp(databaseId);
      const groups = await store.releaseAggregates(JAN, { by: 'all' }, JAN.to);
      expect([...groups.values()].every(g => g.openBacklog === 0)).toBe(true);
      expect(groups.get('all')?.ended ?? 0).toBe(0);
      expect(await store.entityAggregates(JAN, 'all')).toEqual([]);
      expect(await store.entitiesReleased(JAN)).toEqual([]);
    });

    it('counts outcomes, incidents and schedule adherence of releases that ended in the period', async () => {
      const { knex, store } = await setUp(databaseId);
      await endedReleases(knex);
      const all = (
        await store.releaseAggregates(JAN, { by: 'all' }, JAN.to)
      ).get('all')!;
      expect(all).toMatchObject({
        ended: 4,
        successful: 2,
        reviewed: 2,
        reviewedWithIncidents: 1,
        incidents: 2,
        windowed: 3,
        onSchedule: 1,
      });
      expect(all.slipMinutes).toBeCloseTo(30, 3);
    });

    it('puts a release once in each system, owner and model it touches, and in the month it ended', async () => {
      const { knex, store } = await setUp(databaseId);
      await endedReleases(knex);
      const bySystem = await store.releaseAggregates(
        JAN,
        { by: 'system' },
        JAN.to,
      );
      // a touches checkout twice (two components) but counts once.
      expect(bySystem.get('system:default/checkout')).toMatchObject({
        ended: 2,
        successful: 1,
        incidents: 2,
      });
      expect(bySystem.get('system:default/discovery')).toMatchObject({
        ended: 2,
        successful: 1,
      });
      const byOwner = await store.releaseAggregates(
        JAN,
        { by: 'owner' },
        JAN.to,
      );
      expect(byOwner.get('group:default/team-cart')?.ended).toBe(2);
      const byModel = await store.releaseAggregates(
        JAN,
        { by: 'model' },
        JAN.to,
      );
      expect(byModel.get('normal')?.ended).toBe(3);
      expect(byModel.get('emergency')?.ended).toBe(1);
      const byDomain = await store.releaseAggregates(
        JAN,
        {
          by: 'domain',
          domainOfSystem: new Map([
            ['system:default/checkout', 'domain:default/commerce'],
            ['system:default/discovery', 'domain:default/commerce'],
          ]),
        },
        JAN.to,
      );
      // Two systems of one domain: each release still counts once.
      expect(byDomain.get('domain:default/commerce')?.ended).toBe(3);
      const byMonth = await store.releaseAggregates(
        { from: JAN.from, to: '2030-03-01T00:00:00.000Z' },
        { by: 'month' },
        JAN.to,
      );
      expect(byMonth.get('2030-01')?.ended).toBe(4);
      expect(byMonth.get('2030-02')?.ended).toBe(1);
      // The backlog is a point in time: no month has one.
      expect(byMonth.get('2030-01')?.openBacklog).toBeUndefined();
    });

    it('counts closed releases, the open backlog and its age at the end of the period', async () => {
      const { knex, store } = await setUp(databaseId);
      await knex('releases').insert([
        releaseRow('closed-jan', {
          status: 'closed',
          closed_at: at(10),
          created_at: '2029-12-01T00:00:00.000Z',
        }),
        releaseRow('cancelled-jan', {
          status: 'cancelled',
          closed_at: at(11),
        }),
        // Open at the end of January, closed in February.
        releaseRow('closed-feb', {
          status: 'closed',
          closed_at: '2030-02-10T00:00:00.000Z',
          created_at: '2030-01-21T00:00:00.000Z',
        }),
        releaseRow('open', {
          status: 'planned',
          created_at: '2030-01-11T00:00:00.000Z',
        }),
        // Created after the period: not in its backlog.
        releaseRow('later', {
          status: 'draft',
          created_at: '2030-02-05T00:00:00.000Z',
        }),
      ]);
      const all = (
        await store.releaseAggregates(JAN, { by: 'all' }, JAN.to)
      ).get('all')!;
      expect(all.closed).toBe(1);
      expect(all.openBacklog).toBe(2);
      // 11 days (closed-feb) + 21 days (open).
      expect(all.backlogAgeDays).toBeCloseTo(32, 3);
    });

    it('measures lead time, gate overrides, ratings and owner alignment', async () => {
      const { knex, store } = await setUp(databaseId);
      await knex('releases').insert([
        releaseRow('a', {
          status: 'deployed',
          created_at: at(1),
          deployed_at: at(3),
        }),
        releaseRow('b', {
          status: 'verified',
          created_at: at(2),
          deployed_at: at(2, '21:00'),
        }),
        releaseRow('old', {
          status: 'closed',
          created_at: '2029-11-01T00:00:00.000Z',
          deployed_at: '2029-12-01T00:00:00.000Z',
        }),
      ]);
      await knex('release_history').insert([
        {
          release_id: 'a',
          revision: 2,
          actor: 'user:default/rm',
          at: at(2),
          action: 'transitioned',
          details: JSON.stringify({
            from: 'planned',
            to: 'scheduled',
            override: { justification: 'CAB by phone', skippedGates: [] },
          }),
        },
        {
          release_id: 'b',
          revision: 2,
          actor: 'user:default/rm',
          at: at(2),
          action: 'transitioned',
          details: JSON.stringify({ from: 'draft', to: 'planned' }),
        },
      ]);
      await knex('release_ratings').insert([
        {
          release_id: 'a',
          rated_by: 'user:default/x',
          rating: 5,
          comment: '',
          rated_at: at(5),
        },
        {
          release_id: 'a',
          rated_by: 'user:default/y',
          rating: 2,
          comment: '',
          rated_at: at(6),
        },
        {
          release_id: 'b',
          rated_by: 'user:default/x',
          rating: 4,
          comment: '',
          rated_at: '2030-02-01T00:00:00.000Z',
        },
      ]);
      await knex('release_impacted_owners').insert([
        {
          release_id: 'a',
          owner_ref: 'group:default/team-cart',
          notified_at: at(1),
          acknowledged_by: 'user:default/x',
          acknowledged_at: at(2),
        },
        {
          release_id: 'a',
          owner_ref: 'group:default/team-search',
          notified_at: at(1),
          acknowledged_by: null,
          acknowledged_at: null,
        },
        {
          release_id: 'b',
          owner_ref: 'group:default/team-cart',
          notified_at: at(2),
          acknowledged_by: null,
          acknowledged_at: null,
        },
      ]);
      const all = (
        await store.releaseAggregates(JAN, { by: 'all' }, JAN.to)
      ).get('all')!;
      expect(all.deployed).toBe(2);
      // 48 hours and 12 hours.
      expect(all.leadTimeHours).toBeCloseTo(60, 3);
      expect(all.gateOverrides).toBe(1);
      expect(all).toMatchObject({ ratings: 2, ratingSum: 7 });
      expect(all).toMatchObject({ notifiedOwners: 3, acknowledgedOwners: 1 });
      // Per owner, alignment is the owner's own.
      const byOwner = await store.releaseAggregates(
        JAN,
        { by: 'owner' },
        JAN.to,
      );
      expect(byOwner.get('group:default/team-cart')).toMatchObject({
        notifiedOwners: 2,
        acknowledgedOwners: 1,
      });
      expect(byOwner.get('group:default/team-search')).toMatchObject({
        notifiedOwners: 1,
        acknowledgedOwners: 0,
      });
    });

    it('sums production deployments, failures, restores and findings per entity', async () => {
      const { knex, store } = await setUp(databaseId);
      await knex('releases').insert(
        releaseRow('r', { model_name: 'emergency' }),
      );
      await knex('deployments').insert([
        deployment('d1', 'cart', 'succeeded', at(2), { release_id: 'r' }),
        deployment('d2', 'cart', 'failed', at(3)),
        // Restores d2 six hours later.
        deployment('d3', 'cart', 'succeeded', at(3, '15:00')),
        deployment('d4', 'cart', 'rolled-back', at(20)),
        deployment('d5', 'cart', 'started', at(21)),
        deployment('d6', 'cart', 'succeeded', at(2), {
          environment: 'staging',
          production: false,
        }),
        deployment('d7', 'search', 'succeeded', '2030-02-02T00:00:00.000Z'),
      ]);
      await knex('audit_findings').insert([
        finding('f1', 'deployment-without-release', 'cart', at(3)),
        finding('f2', 'freeze-override', 'search', at(4)),
        finding('f3', 'freeze-override', 'search', '2029-12-31T23:59:59.999Z'),
      ]);
      const rows = await store.entityAggregates(JAN, 'all');
      expect(rows).toHaveLength(2);
      const cart = rows.find(r => r.entityRef === 'component:default/cart')!;
      expect(cart).toMatchObject({
        key: 'all',
        succeededDeployments: 2,
        finishedDeployments: 4,
        failedDeployments: 2,
        restored: 1,
        deploymentsWithoutRelease: 1,
        freezeOverrides: 0,
      });
      expect(cart.restoreHours).toBeCloseTo(6, 3);
      expect(
        rows.find(r => r.entityRef === 'component:default/search'),
      ).toMatchObject({ freezeOverrides: 1, succeededDeployments: 0 });

      const byModel = await store.entityAggregates(JAN, 'model');
      expect(
        byModel.find(r => r.key === 'emergency')?.succeededDeployments,
      ).toBe(1);
      expect(
        byModel.find(r => r.entityRef.endsWith('cart') && r.key === NO_GROUP)
          ?.succeededDeployments,
      ).toBe(1);
      const byMonth = await store.entityAggregates(
        { from: JAN.from, to: '2030-03-01T00:00:00.000Z' },
        'month',
      );
      expect(byMonth.find(r => r.key === '2030-02')?.succeededDeployments).toBe(
        1,
      );
    });

    it('lists the entities of releases planned in a period, but not of drafts or cancelled ones', async () => {
      const { knex, store } = await setUp(databaseId);
      await knex('releases').insert([
        releaseRow('planned', { status: 'planned', ...window(at(5), at(6)) }),
        releaseRow('draft', { status: 'draft', ...window(at(5), at(6)) }),
        releaseRow('cancelled', {
          status: 'cancelled',
          ...window(at(5), at(6)),
        }),
      ]);
      await scope(knex, 'planned', 'cart', null, null);
      await scope(knex, 'draft', 'search', null, null);
      await scope(knex, 'cancelled', 'pricing', null, null);
      expect(await store.entitiesReleased(JAN)).toEqual([
        'component:default/cart',
      ]);
    });
  });
});

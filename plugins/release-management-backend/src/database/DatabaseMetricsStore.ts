import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { getMigratedClient } from './migrations';
import {
  countWhere,
  daysUntil,
  minutesBetween,
  monthOf,
  releaseGroups,
} from './metricsSql';
import {
  NO_GROUP,
  type EntityAggregates,
  type EntityGrouping,
  type MetricsPeriod,
  type MetricsStore,
  type ReleaseAggregates,
  type ReleaseGrouping,
} from './MetricsStore';

type Row = Record<string, string | number | null>;

// Statuses in SQL text: fixed vocabulary, never user input.
const REACHED_PRODUCTION = "('deployed', 'verified', 'closed')";
const FAILED_DEPLOYMENT = "('failed', 'rolled-back')";
const FINISHED_DEPLOYMENT = "('succeeded', 'failed', 'rolled-back')";

/**
 * The metrics' aggregate queries. Every figure is a COUNT, SUM or AVG in
 * the database, grouped there, so the work does not grow with the number
 * of releases held in memory: only one row per group comes back.
 */
export class DatabaseMetricsStore implements MetricsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseMetricsStore> {
    return new DatabaseMetricsStore(await getMigratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async releaseAggregates(
    period: MetricsPeriod,
    grouping: ReleaseGrouping,
    asOf: string,
  ): Promise<Map<string, Partial<ReleaseAggregates>>> {
    const db = this.db;
    const inPeriod = (q: Knex.QueryBuilder, column: string) =>
      q.where(column, '>=', period.from).andWhere(column, '<', period.to);
    const windowed =
      'r.planned_start IS NOT NULL AND r.actual_start IS NOT NULL';

    const queries: Array<Promise<Row[]>> = [
      this.grouped(grouping, 'r.actual_end')
        .modify(q => inPeriod(q, 'r.actual_end'))
        .select(
          db.raw('COUNT(*) as ended'),
          countWhere(
            db,
            `r.review_outcome = 'successful' OR (r.review_outcome IS NULL AND r.status IN ${REACHED_PRODUCTION})`,
          ).wrap('', ' as successful'),
          countWhere(db, 'r.review_outcome IS NOT NULL').wrap(
            '',
            ' as reviewed',
          ),
          countWhere(db, 'r.review_incident_count > 0').wrap(
            '',
            ' as reviewed_with_incidents',
          ),
          db.raw('SUM(COALESCE(r.review_incident_count, 0)) as incidents'),
          countWhere(db, windowed).wrap('', ' as windowed'),
          countWhere(
            db,
            `${windowed} AND r.actual_start >= r.planned_start AND r.actual_end <= r.planned_end`,
          ).wrap('', ' as on_schedule'),
          db.raw(
            `SUM(CASE WHEN ${windowed} AND r.actual_end > r.planned_end THEN ? ELSE 0 END) as slip_minutes`,
            [minutesBetween(db, 'r.actual_end', 'r.planned_end')],
          ),
        ),
      this.grouped(grouping, 'r.closed_at')
        .modify(q => inPeriod(q, 'r.closed_at'))
        .where('r.status', 'closed')
        .select(db.raw('COUNT(*) as closed')),
      this.grouped(grouping, 'r.deployed_at')
        .modify(q => inPeriod(q, 'r.deployed_at'))
        .select(
          db.raw('COUNT(*) as deployed'),
          db.raw('SUM(?) / 60.0 as lead_time_hours', [
            minutesBetween(db, 'r.deployed_at', 'r.created_at'),
          ]),
        ),
      // The history is append-only JSON; an overridden transition is the
      // one whose details hold an `override` object.
      this.grouped(grouping, 'h.at')
        .join('release_history as h', 'h.release_id', 'r.id')
        .modify(q => inPeriod(q, 'h.at'))
        .where('h.action', 'transitioned')
        .andWhere('h.details', 'like', '%"override":{%')
        .select(db.raw('COUNT(*) as gate_overrides')),
      this.grouped(grouping, 't.rated_at')
        .join('release_ratings as t', 't.release_id', 'r.id')
        .modify(q => inPeriod(q, 't.rated_at'))
        .select(
          db.raw('COUNT(*) as ratings'),
          db.raw('SUM(t.rating) as rating_sum'),
        ),
      this.grouped(grouping, 'o.notified_at', 'o.owner_ref')
        .join('release_impacted_owners as o', 'o.release_id', 'r.id')
        .modify(q => inPeriod(q, 'o.notified_at'))
        .select(
          db.raw('COUNT(*) as notified_owners'),
          countWhere(db, 'o.acknowledged_at IS NOT NULL').wrap(
            '',
            ' as acknowledged_owners',
          ),
        ),
    ];
    // The backlog is counted at one instant, so it has no month.
    if (grouping.by !== 'month') {
      queries.push(
        this.grouped(grouping, 'r.created_at')
          .where('r.created_at', '<', asOf)
          .andWhere(q =>
            q
              .where(open =>
                open
                  .whereNull('r.closed_at')
                  .whereNotIn('r.status', ['closed', 'cancelled']),
              )
              .orWhere('r.closed_at', '>=', asOf),
          )
          .select(
            db.raw('COUNT(*) as open_backlog'),
            db.raw('SUM(?) as backlog_age_days', [
              daysUntil(db, asOf, 'r.created_at'),
            ]),
          ),
      );
    }

    const groups = new Map<string, Partial<ReleaseAggregates>>();
    for (const rows of await Promise.all(queries)) {
      for (const row of rows) {
        const key = String(row.group_key ?? NO_GROUP);
        const aggregates = groups.get(key) ?? {};
        for (const [column, value] of Object.entries(row)) {
          if (column === 'group_key') continue;
          (aggregates as Record<string, number>)[camel(column)] = Number(
            value ?? 0,
          );
        }
        groups.set(key, aggregates);
      }
    }
    return groups;
  }

  async entityAggregates(
    period: MetricsPeriod,
    grouping: EntityGrouping,
  ): Promise<EntityAggregates[]> {
    const db = this.db;
    const keyOf = (instant: string, releaseId: string) => {
      if (grouping === 'month') return monthOf(db, instant);
      if (grouping === 'model') {
        return db.raw('COALESCE(??, CAST(? AS VARCHAR(512)))', [
          'r.model_name',
          NO_GROUP,
        ]);
      }
      return db.raw('CAST(? AS VARCHAR(512))', [releaseId && 'all']);
    };

    const deployments = db('deployments as d')
      .leftJoin('releases as r', 'r.id', 'd.release_id')
      .where('d.production', true)
      .andWhere('d.started_at', '>=', period.from)
      .andWhere('d.started_at', '<', period.to)
      .select(
        'd.entity_ref',
        keyOf('d.started_at', 'd.release_id').wrap('', ' as group_key'),
        countWhere(db, "d.status = 'succeeded'").wrap(
          '',
          ' as succeeded_deployments',
        ),
        countWhere(db, `d.status IN ${FINISHED_DEPLOYMENT}`).wrap(
          '',
          ' as finished_deployments',
        ),
        countWhere(db, `d.status IN ${FAILED_DEPLOYMENT}`).wrap(
          '',
          ' as failed_deployments',
        ),
      )
      .groupBy('d.entity_ref')
      .groupByRaw('2');

    // Each failed production deployment with the start of the next
    // succeeded one of the same entity, when there is one.
    const failures = db('deployments as d')
      .leftJoin('releases as r', 'r.id', 'd.release_id')
      .where('d.production', true)
      .whereIn('d.status', ['failed', 'rolled-back'])
      .andWhere('d.started_at', '>=', period.from)
      .andWhere('d.started_at', '<', period.to)
      .select(
        'd.entity_ref',
        'd.started_at as failed_at',
        keyOf('d.started_at', 'd.release_id').wrap('', ' as group_key'),
        db('deployments as s')
          .min('s.started_at')
          .whereRaw('s.entity_ref = d.entity_ref')
          .andWhere('s.production', true)
          .andWhere('s.status', 'succeeded')
          .andWhereRaw('s.started_at > d.started_at')
          .as('restored_at'),
      );
    const restores = db
      .from(failures.as('f'))
      .select(
        'f.entity_ref',
        'f.group_key',
        countWhere(db, 'f.restored_at IS NOT NULL').wrap('', ' as restored'),
        db.raw(
          'SUM(CASE WHEN f.restored_at IS NOT NULL THEN ? ELSE 0 END) / 60.0 as restore_hours',
          [minutesBetween(db, 'f.restored_at', 'f.failed_at')],
        ),
      )
      .groupBy('f.entity_ref', 'f.group_key');

    const findings = db('audit_findings as a')
      .leftJoin('releases as r', 'r.id', 'a.release_id')
      .where('a.at', '>=', period.from)
      .andWhere('a.at', '<', period.to)
      .select(
        'a.entity_ref',
        keyOf('a.at', 'a.release_id').wrap('', ' as group_key'),
        countWhere(db, "a.kind = 'freeze-override'").wrap(
          '',
          ' as freeze_overrides',
        ),
        countWhere(db, "a.kind = 'deployment-without-release'").wrap(
          '',
          ' as deployments_without_release',
        ),
      )
      .groupBy('a.entity_ref')
      .groupByRaw('2');

    const merged = new Map<string, EntityAggregates>();
    for (const rows of await Promise.all([deployments, restores, findings])) {
      for (const row of rows as Row[]) {
        const entityRef = String(row.entity_ref);
        const key = String(row.group_key);
        const id = JSON.stringify([entityRef, key]);
        const aggregates = merged.get(id) ?? emptyEntity(entityRef, key);
        for (const [column, value] of Object.entries(row)) {
          if (column === 'entity_ref' || column === 'group_key') continue;
          (aggregates as unknown as Record<string, number>)[camel(column)] =
            Number(value ?? 0);
        }
        merged.set(id, aggregates);
      }
    }
    return [...merged.values()];
  }

  async entitiesReleased(period: MetricsPeriod): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(
      'release_scope as s',
    )
      .join('releases as r', 'r.id', 's.release_id')
      .whereNotIn('r.status', ['draft', 'cancelled'])
      .andWhere('r.planned_start', '>=', period.from)
      .andWhere('r.planned_start', '<', period.to)
      .distinct('s.entity_ref');
    return rows.map(r => r.entity_ref);
  }

  /**
   * Releases with their group key selected and grouped by: a month of
   * `monthColumn`, the derived groups of the grouping, or `ownerColumn`
   * when a figure has an owner of its own.
   */
  private grouped(
    grouping: ReleaseGrouping,
    monthColumn: string,
    ownerColumn?: string,
  ): Knex.QueryBuilder {
    const db = this.db;
    const query = db('releases as r');
    if (grouping.by === 'month') {
      return query
        .select(monthOf(db, monthColumn).wrap('', ' as group_key'))
        .groupByRaw('SUBSTR(??, 1, 7)', [monthColumn]);
    }
    if (grouping.by === 'owner' && ownerColumn) {
      return query.select({ group_key: ownerColumn }).groupBy(ownerColumn);
    }
    return query
      .join(releaseGroups(db, grouping).as('g'), 'g.release_id', 'r.id')
      .select('g.group_key')
      .groupBy('g.group_key');
  }
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function emptyEntity(entityRef: string, key: string): EntityAggregates {
  return {
    entityRef,
    key,
    succeededDeployments: 0,
    finishedDeployments: 0,
    failedDeployments: 0,
    restored: 0,
    restoreHours: 0,
    freezeOverrides: 0,
    deploymentsWithoutRelease: 0,
  };
}

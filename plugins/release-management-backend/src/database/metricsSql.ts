/*
 * SQL fragments of the metrics queries that differ between SQLite and
 * PostgreSQL, and the derived table that assigns releases to groups.
 */
import { Knex } from 'knex';
import type { ReleaseGrouping } from './MetricsStore';
import { NO_GROUP } from './MetricsStore';

function isPostgres(db: Knex): boolean {
  return db.client.config.client === 'pg';
}

/**
 * Minutes from `earlier` to `later`, two columns of stored instants (UTC
 * ISO 8601 text). SQLite reads them with julianday(); PostgreSQL casts.
 */
export function minutesBetween(
  db: Knex,
  later: string,
  earlier: string,
): Knex.Raw {
  if (isPostgres(db)) {
    return db.raw(
      'EXTRACT(EPOCH FROM (CAST(?? AS timestamptz) - CAST(?? AS timestamptz))) / 60.0',
      [later, earlier],
    );
  }
  return db.raw('(julianday(??) - julianday(??)) * 1440.0', [later, earlier]);
}

/** Days from a column of stored instants to a fixed instant. */
export function daysUntil(db: Knex, instant: string, column: string): Knex.Raw {
  if (isPostgres(db)) {
    return db.raw(
      'EXTRACT(EPOCH FROM (CAST(? AS timestamptz) - CAST(?? AS timestamptz))) / 86400.0',
      [instant, column],
    );
  }
  return db.raw('julianday(?) - julianday(??)', [instant, column]);
}

/** The month (`2030-01`) of a column of stored instants: its first seven characters. */
export function monthOf(db: Knex, column: string): Knex.Raw {
  return db.raw('SUBSTR(??, 1, 7)', [column]);
}

/** `SUM(CASE WHEN <condition> THEN 1 ELSE 0 END)`, portable. */
export function countWhere(
  db: Knex,
  condition: string,
  bindings: readonly Knex.RawBinding[] = [],
): Knex.Raw {
  return db.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, bindings);
}

/**
 * A derived table `(release_id, group_key)` that puts each release in its
 * groups: once per system, owner or domain of its scope, or in its model.
 * Month grouping depends on which instant a figure measures, so it is done
 * by each query and not here; `all` puts every release in one group.
 */
export function releaseGroups(db: Knex, grouping: ReleaseGrouping) {
  switch (grouping.by) {
    case 'system':
    case 'owner': {
      const column = grouping.by === 'system' ? 'system_ref' : 'owner_ref';
      return db('release_scope')
        .distinct({ release_id: 'release_id' })
        .select(
          db.raw('COALESCE(??, CAST(? AS VARCHAR(512))) as group_key', [
            column,
            NO_GROUP,
          ]),
        );
    }
    case 'domain': {
      const entries = [...grouping.domainOfSystem];
      const query = db('release_scope').distinct({ release_id: 'release_id' });
      if (entries.length === 0) {
        return query
          .select(db.raw('CAST(? AS VARCHAR(512)) as group_key', [NO_GROUP]))
          .whereRaw('1 = 0');
      }
      const cases = entries
        .map(() => 'WHEN ? THEN CAST(? AS VARCHAR(512))')
        .join(' ');
      return query
        .select(
          db.raw(`CASE system_ref ${cases} END as group_key`, entries.flat()),
        )
        .whereIn(
          'system_ref',
          entries.map(([system]) => system),
        );
    }
    case 'model':
      return db('releases').select({
        release_id: 'id',
        group_key: 'model_name',
      });
    default:
      return db('releases').select(
        { release_id: 'id' },
        db.raw('CAST(? AS VARCHAR(512)) as group_key', ['all']),
      );
  }
}

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { toStoredInstant } from './instants';
import { earliestStart } from './releaseRows';
import type { ReleaseListFilter, ReleaseRuleFilter } from './ReleaseStore';

/**
 * The WHERE clauses of a release list: its query and the permission
 * criteria of a conditional decision, both as SQL so that lists are
 * filtered in the database and never after the fact.
 */
export function applyFilter(
  db: Knex,
  builder: Knex.QueryBuilder,
  filter: ReleaseListFilter,
) {
  if (filter.statuses?.length) {
    builder.whereIn('status', filter.statuses);
  }
  if (filter.model) {
    builder.where('model_name', filter.model);
  }
  if (filter.models) {
    builder.whereIn('model_name', filter.models);
  }
  if (filter.search) {
    // `%` and `_` in the text match themselves, not any text. The exact-case
    // comparison covers letters SQLite's LOWER() leaves alone (non-ASCII).
    const literal = (text: string) =>
      `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
    const patterns = [
      literal(filter.search.toLocaleLowerCase('en-US')),
      literal(filter.search),
    ];
    builder.where(b => {
      for (const column of ['title', 'version_label']) {
        b.orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [column, patterns[0]]);
        b.orWhereRaw(`?? LIKE ? ESCAPE '\\'`, [column, patterns[1]]);
      }
    });
  }
  // Entity filters start from the scope table's entity index: a few rows
  // per entity, where a correlated EXISTS would probe every release in the
  // window. An empty set of entities has no releases.
  if (filter.entityRef) {
    builder.whereIn('id', releasesWithEntities(db, [filter.entityRef]));
  }
  if (filter.entityRefs) {
    builder.whereIn('id', releasesWithEntities(db, filter.entityRefs));
  }
  // Windows are half-open: one ending when the range starts is outside.
  if (filter.to) {
    builder.where('planned_start', '<', toStoredInstant(filter.to));
  }
  if (filter.from) {
    builder.where('planned_start', '>', earliestStart(filter.from));
    builder.where('planned_end', '>', toStoredInstant(filter.from));
  }
  if (filter.permission) {
    builder.where(b => applyCriteria(db, b, filter.permission!));
  }
}

/** The permission criteria of a conditional decision, as SQL. */
export function applyCriteria(
  db: Knex,
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<ReleaseRuleFilter>,
): void {
  if ('allOf' in criteria) {
    for (const c of criteria.allOf) {
      builder.andWhere(b => applyCriteria(db, b, c));
    }
  } else if ('anyOf' in criteria) {
    builder.where(outer => {
      for (const c of criteria.anyOf) {
        outer.orWhere(b => applyCriteria(db, b, c));
      }
    });
  } else if ('not' in criteria) {
    builder.whereNot(b => applyCriteria(db, b, criteria.not));
  } else {
    applyRule(db, builder, criteria);
  }
}

function applyRule(
  db: Knex,
  builder: Knex.QueryBuilder,
  rule: ReleaseRuleFilter,
) {
  // An empty list matches nothing, never everything.
  if (rule.values.length === 0) {
    builder.whereRaw('1 = 0');
    return;
  }
  switch (rule.property) {
    case 'releaseManager':
      builder.whereIn('release_manager', rule.values);
      break;
    case 'status':
      builder.whereIn('status', rule.values);
      break;
    case 'visibility':
      builder.whereIn('visibility', rule.values);
      break;
    case 'scopeOwner':
      builder.whereExists(
        scopeSubquery(db).whereIn('release_scope.owner_ref', rule.values),
      );
      break;
    case 'scopeEntity':
      builder.whereExists(
        scopeSubquery(db).whereIn('release_scope.entity_ref', rule.values),
      );
      break;
    default:
      builder.whereRaw('1 = 0');
  }
}

function releasesWithEntities(db: Knex, refs: string[]) {
  return db('release_scope')
    .select('release_scope.release_id')
    .whereIn('release_scope.entity_ref', refs);
}

function scopeSubquery(db: Knex) {
  return db('release_scope')
    .select(db.raw('1'))
    .whereRaw('release_scope.release_id = releases.id');
}

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { ReleaseRow } from './releaseRows';
import type { ReleaseRuleFilter } from './ReleaseStore';

/*
 * The release permission rules applied in memory, for the release index:
 * the same decisions the rules' SQL (releaseFilters.ts) makes in the
 * database, so that the index answers what the store would.
 */

/** What the rules look at of one release. */
export type CriteriaSubject = {
  row: Pick<ReleaseRow, 'release_manager' | 'status' | 'visibility'>;
  scope: string[];
  owners: Array<string | null>;
};

/**
 * Whether the criteria are ones {@link allows} decides as the SQL of the
 * store does; empty `allOf`/`anyOf` lists are left to the store.
 */
export function supported(
  criteria: PermissionCriteria<ReleaseRuleFilter>,
): boolean {
  if ('allOf' in criteria) {
    return criteria.allOf.length > 0 && criteria.allOf.every(supported);
  }
  if ('anyOf' in criteria) {
    return criteria.anyOf.length > 0 && criteria.anyOf.every(supported);
  }
  if ('not' in criteria) return supported(criteria.not);
  return true;
}

/** The permission rules' SQL (releaseFilters.ts), applied to one release. */
export function allows(
  criteria: PermissionCriteria<ReleaseRuleFilter>,
  e: CriteriaSubject,
): boolean {
  if ('allOf' in criteria) return criteria.allOf.every(c => allows(c, e));
  if ('anyOf' in criteria) return criteria.anyOf.some(c => allows(c, e));
  if ('not' in criteria) return !allows(criteria.not, e);
  const values = criteria.values;
  if (values.length === 0) return false;
  switch (criteria.property) {
    case 'releaseManager':
      return values.includes(e.row.release_manager);
    case 'status':
      return values.includes(e.row.status);
    case 'visibility':
      return values.includes(e.row.visibility);
    case 'scopeOwner':
      return e.owners.some(o => o !== null && values.includes(o));
    case 'scopeEntity':
      return e.scope.some(r => values.includes(r));
    default:
      return false;
  }
}

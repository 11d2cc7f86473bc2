import { ConflictError } from '@backstage/errors';
import { TERMINAL_STATUSES } from '@release-management/plugin-release-management-common';
import type { ReleaseFields, StoredRelease } from '../database/ReleaseStore';

/** What an edit changed, field by field, as history records it. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Refuses changes to a release that has reached a final status. */
export function assertOpen(release: StoredRelease): void {
  if (TERMINAL_STATUSES.includes(release.status)) {
    throw new ConflictError(
      `Release ${release.id} is ${release.status} and can no longer change`,
    );
  }
}

/** Refuses a change made on a revision the release has moved past. */
export function assertRevision(release: StoredRelease, revision: number): void {
  if (release.revision !== revision) {
    throw new ConflictError(
      `Release ${release.id} is at revision ${release.revision}, not ${revision}; reload it and apply your change again`,
    );
  }
}

// Compared as sets: the order a scope is listed in carries no meaning.
export function sortScope(
  scope: Array<{ entityRef: string; version: string }>,
) {
  return scope
    .map(s => ({ entityRef: s.entityRef, version: s.version }))
    .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
}

/**
 * The fields an edit really changes: values given and different from the
 * stored ones. An edit that changes nothing writes nothing.
 */
export function changedFields(
  release: StoredRelease,
  edit: Partial<Record<keyof ReleaseFields, unknown>>,
): { fields: ReleaseFields; changes: FieldChanges } {
  const fields: ReleaseFields = {};
  const changes: FieldChanges = {};
  for (const [key, value] of Object.entries(edit) as Array<
    [keyof ReleaseFields, unknown]
  >) {
    if (value === undefined) continue;
    const before = release[key];
    if (JSON.stringify(before) !== JSON.stringify(value)) {
      (fields as Record<string, unknown>)[key] = value;
      changes[key] = { from: before ?? null, to: value };
    }
  }
  return { fields, changes };
}

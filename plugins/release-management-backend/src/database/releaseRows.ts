/*
 * The rows of the release tables and their mapping to and from stored
 * releases; only the release store uses them.
 */
import {
  MAX_RELEASE_WINDOW_DAYS,
  type ReleaseStatus,
  type ReleaseVisibility,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { toStoredInstant } from './instants';
import type { ReleaseChange, StoredRelease } from './ReleaseStore';

export type ReleaseRow = {
  id: string;
  title: string;
  version_label: string;
  notes: string;
  release_manager: string;
  model_name: string;
  model_revision: number;
  status: ReleaseStatus;
  visibility: ReleaseVisibility;
  planned_start: string | null;
  planned_end: string | null;
  time_zone: string | null;
  actual_start: string | null;
  actual_end: string | null;
  phases: string;
  review: string | null;
  /** Copied from the review so that metrics can aggregate it in SQL. */
  review_outcome?: string | null;
  review_incident_count?: number | null;
  /** First move to deployed, and move to a final status; for metrics. */
  deployed_at?: string | null;
  closed_at?: string | null;
  verification: string | null;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type ScopeRow = {
  release_id: string;
  entity_ref: string;
  version: string;
  owner_ref: string | null;
  system_ref: string | null;
};

export type ChecklistRow = {
  release_id: string;
  item_id: string;
  stage_key: string;
  done: boolean | number;
  done_by: string;
  done_at: string;
  note: string | null;
};

export type ApprovalRow = {
  id: string;
  release_id: string;
  stage_key: string;
  gate_id: string;
  approver: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_at: string;
};

export type HistoryRow = {
  id: number | string;
  release_id: string;
  revision: number;
  actor: string;
  at: string;
  action: string;
  details: string;
};

// Lists of ids go into `where in`; keep each statement well below SQLite's
// bound-parameter limit.
export const IN_CHUNK = 500;

/** Full releases for rows of the releases table, with their sub-tables. */
export async function hydrateReleases(
  db: Knex,
  rows: ReleaseRow[],
): Promise<StoredRelease[]> {
  if (rows.length === 0) return [];
  const ids = rows.map(r => r.id);
  // Chunked: SQLite limits the bound parameters of one statement.
  const scope: ScopeRow[] = [];
  const checklist: ChecklistRow[] = [];
  const approvals: ApprovalRow[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const [s, c, a] = await Promise.all([
      db<ScopeRow>('release_scope')
        .whereIn('release_id', chunk)
        .orderBy('entity_ref'),
      db<ChecklistRow>('release_checklist')
        .whereIn('release_id', chunk)
        .orderBy('item_id'),
      db<ApprovalRow>('release_approvals')
        .whereIn('release_id', chunk)
        .orderBy('decided_at'),
    ]);
    scope.push(...s);
    checklist.push(...c);
    approvals.push(...a);
  }
  return rows.map(row => ({
    id: row.id,
    title: row.title,
    versionLabel: row.version_label,
    notes: row.notes,
    releaseManager: row.release_manager,
    model: { name: row.model_name, revision: Number(row.model_revision) },
    status: row.status,
    visibility: row.visibility,
    scope: scope
      .filter(s => s.release_id === row.id)
      .map(s => ({
        entityRef: s.entity_ref,
        version: s.version,
        owner: s.owner_ref,
        system: s.system_ref,
      })),
    plannedWindow:
      row.planned_start && row.planned_end && row.time_zone
        ? {
            start: row.planned_start,
            end: row.planned_end,
            timeZone: row.time_zone,
          }
        : null,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    phases: JSON.parse(row.phases),
    checklist: checklist
      .filter(c => c.release_id === row.id)
      .map(c => ({
        stage: c.stage_key,
        itemId: c.item_id,
        done: Boolean(c.done),
        by: c.done_by,
        at: c.done_at,
        ...(c.note ? { note: c.note } : {}),
      })),
    approvals: approvals
      .filter(a => a.release_id === row.id)
      .map(a => ({
        id: a.id,
        stage: a.stage_key,
        gate: a.gate_id,
        approver: a.approver,
        decision: a.decision,
        ...(a.comment ? { comment: a.comment } : {}),
        at: a.decided_at,
      })),
    review: row.review ? JSON.parse(row.review) : null,
    verification: row.verification ? JSON.parse(row.verification) : null,
    revision: Number(row.revision),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  }));
}

export function toRow(release: StoredRelease): ReleaseRow {
  return {
    ...fieldsToColumns(release),
    id: release.id,
    model_name: release.model.name,
    model_revision: release.model.revision,
    revision: release.revision,
    created_by: release.createdBy,
    created_at: release.createdAt,
    updated_at: release.updatedAt,
  } as ReleaseRow;
}

export function fieldsToColumns(
  fields: ReleaseChange['fields'] & object,
): Partial<ReleaseRow> {
  const columns: Partial<ReleaseRow> = {};
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.versionLabel !== undefined)
    columns.version_label = fields.versionLabel;
  if (fields.notes !== undefined) columns.notes = fields.notes;
  if (fields.releaseManager !== undefined)
    columns.release_manager = fields.releaseManager;
  if (fields.status !== undefined) columns.status = fields.status;
  if (fields.visibility !== undefined) columns.visibility = fields.visibility;
  if (fields.plannedWindow !== undefined) {
    columns.planned_start = storedOrNull(fields.plannedWindow?.start);
    columns.planned_end = storedOrNull(fields.plannedWindow?.end);
    columns.time_zone = fields.plannedWindow?.timeZone ?? null;
  }
  if (fields.actualStart !== undefined)
    columns.actual_start = storedOrNull(fields.actualStart);
  if (fields.actualEnd !== undefined)
    columns.actual_end = storedOrNull(fields.actualEnd);
  if (fields.phases !== undefined)
    columns.phases = JSON.stringify(fields.phases);
  if (fields.review !== undefined) {
    columns.review = fields.review ? JSON.stringify(fields.review) : null;
    columns.review_outcome = fields.review?.outcome ?? null;
    columns.review_incident_count = fields.review
      ? fields.review.incidentCount ?? 0
      : null;
  }
  if (fields.verification !== undefined)
    columns.verification = fields.verification
      ? JSON.stringify(fields.verification)
      : null;
  return columns;
}

export function earliestStart(from: string): string {
  return new Date(
    Date.parse(from) - MAX_RELEASE_WINDOW_DAYS * 86_400_000,
  ).toISOString();
}

function storedOrNull(iso: string | null | undefined): string | null {
  return iso ? toStoredInstant(iso) : null;
}

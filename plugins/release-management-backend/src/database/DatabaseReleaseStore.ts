import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  MAX_RELEASE_WINDOW_DAYS,
  type ReleaseHistoryEntry,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { toStoredInstant } from './instants';
import { getMigratedClient } from './migrations';
import type {
  HistoryInput,
  ReleaseChange,
  ReleaseListFilter,
  ReleaseRuleFilter,
  ReleaseStore,
  ScheduledRelease,
  StoredRelease,
  StoredScopeItem,
} from './ReleaseStore';

type ReleaseRow = {
  id: string;
  title: string;
  version_label: string;
  notes: string;
  release_manager: string;
  model_name: string;
  model_revision: number;
  status: ReleaseStatus;
  planned_start: string | null;
  planned_end: string | null;
  time_zone: string | null;
  actual_start: string | null;
  actual_end: string | null;
  phases: string;
  review: string | null;
  verification: string | null;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

type ScopeRow = {
  release_id: string;
  entity_ref: string;
  version: string;
  owner_ref: string | null;
  system_ref: string | null;
};

type ChecklistRow = {
  release_id: string;
  item_id: string;
  stage_key: string;
  done: boolean | number;
  done_by: string;
  done_at: string;
  note: string | null;
};

type ApprovalRow = {
  id: string;
  release_id: string;
  stage_key: string;
  gate_id: string;
  approver: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_at: string;
};

type HistoryRow = {
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
const IN_CHUNK = 500;

/** Releases in the plugin's database. */
export class DatabaseReleaseStore implements ReleaseStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReleaseStore> {
    return new DatabaseReleaseStore(await getMigratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async create(
    release: StoredRelease,
    history: HistoryInput,
  ): Promise<StoredRelease> {
    await this.db.transaction(async tx => {
      await tx<ReleaseRow>('releases').insert(toRow(release));
      await insertScope(tx, release.id, release.scope);
      await appendHistory(tx, release.id, release.revision, history);
    });
    return (await this.get(release.id))!;
  }

  async get(id: string): Promise<StoredRelease | undefined> {
    const [release] = await this.getMany([id]);
    return release;
  }

  async getMany(ids: string[]): Promise<StoredRelease[]> {
    const rows: ReleaseRow[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      rows.push(
        ...(await this.db<ReleaseRow>('releases').whereIn(
          'id',
          ids.slice(i, i + IN_CHUNK),
        )),
      );
    }
    return this.hydrate(this.db, rows);
  }

  async list(
    filter: ReleaseListFilter,
  ): Promise<{ items: StoredRelease[]; totalCount: number }> {
    const query = this.db<ReleaseRow>('releases').where(builder =>
      this.applyFilter(builder, filter),
    );
    const [{ count }] = await query
      .clone()
      .count<{ count: number | string }[]>({ count: '*' });
    const rows = await query
      .clone()
      .select('*')
      .orderByRaw('planned_start is null, planned_start asc')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset);
    return {
      items: await this.hydrate(this.db, rows),
      totalCount: Number(count),
    };
  }

  async update(
    id: string,
    expectedRevision: number,
    change: ReleaseChange,
    history: HistoryInput,
  ): Promise<StoredRelease> {
    await this.db.transaction(async tx => {
      const next = expectedRevision + 1;
      const updated = await tx<ReleaseRow>('releases')
        .where({ id, revision: expectedRevision })
        .update({
          ...(change.fields ? fieldsToColumns(change.fields) : {}),
          revision: next,
          updated_at: history.at,
        });
      if (updated === 0) {
        const current = await tx<ReleaseRow>('releases')
          .where({ id })
          .first('revision');
        if (!current) {
          throw new NotFoundError(`No release with id "${id}"`);
        }
        throw new ConflictError(
          `Release ${id} is at revision ${current.revision}, not ${expectedRevision}; reload it and apply your change again`,
        );
      }
      if (change.scope) {
        await tx<ScopeRow>('release_scope').where({ release_id: id }).delete();
        await insertScope(tx, id, change.scope);
      }
      if (change.checklist) {
        const c = change.checklist;
        await tx<ChecklistRow>('release_checklist')
          .insert({
            release_id: id,
            item_id: c.itemId,
            stage_key: c.stage,
            done: c.done,
            done_by: c.by,
            done_at: c.at,
            note: c.note ?? null,
          })
          .onConflict(['release_id', 'item_id'])
          .merge(['stage_key', 'done', 'done_by', 'done_at', 'note']);
      }
      if (change.approval) {
        const a = change.approval;
        await tx<ApprovalRow>('release_approvals')
          .insert({
            id: a.id,
            release_id: id,
            stage_key: a.stage,
            gate_id: a.gate,
            approver: a.approver,
            decision: a.decision,
            comment: a.comment ?? null,
            decided_at: a.at,
          })
          .onConflict(['release_id', 'stage_key', 'gate_id', 'approver'])
          .merge(['decision', 'comment', 'decided_at']);
      }
      await appendHistory(tx, id, next, history);
    });
    return (await this.get(id))!;
  }

  async history(id: string): Promise<ReleaseHistoryEntry[]> {
    const rows = await this.db<HistoryRow>('release_history')
      .where({ release_id: id })
      .orderBy('id', 'asc');
    return rows.map(row => ({
      id: Number(row.id),
      releaseId: row.release_id,
      revision: Number(row.revision),
      actor: row.actor,
      at: row.at,
      action: row.action,
      details: JSON.parse(row.details),
    }));
  }

  async listScheduled(options: {
    from: string;
    to: string;
    statuses: ReleaseStatus[];
    excludeId?: string;
  }): Promise<ScheduledRelease[]> {
    const rows: Array<
      Pick<ReleaseRow, 'id' | 'title' | 'planned_start' | 'planned_end'>
    > = await this.db<ReleaseRow>('releases')
      // Windows last at most MAX_RELEASE_WINDOW_DAYS, so overlapping ones
      // start no earlier than that before `from`: a bounded index range.
      .where('planned_start', '>', earliestStart(options.from))
      .andWhere('planned_start', '<', toStoredInstant(options.to))
      .andWhere('planned_end', '>', toStoredInstant(options.from))
      .whereIn('status', options.statuses)
      .modify(q => {
        if (options.excludeId) q.whereNot('id', options.excludeId);
      })
      .select('id', 'title', 'planned_start', 'planned_end');
    const scope = new Map<string, string[]>();
    for (let i = 0; i < rows.length; i += IN_CHUNK) {
      const chunk = await this.db<ScopeRow>('release_scope')
        .whereIn(
          'release_id',
          rows.slice(i, i + IN_CHUNK).map(r => r.id),
        )
        .select('release_id', 'entity_ref');
      for (const s of chunk) {
        scope.set(s.release_id, [
          ...(scope.get(s.release_id) ?? []),
          s.entity_ref,
        ]);
      }
    }
    return rows.map(r => ({
      id: r.id,
      title: r.title,
      scope: scope.get(r.id) ?? [],
      start: r.planned_start!,
      end: r.planned_end!,
    }));
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db('releases').count<
      { count: number | string }[]
    >({ count: '*' });
    return Number(count);
  }

  private applyFilter(builder: Knex.QueryBuilder, filter: ReleaseListFilter) {
    if (filter.statuses?.length) {
      builder.whereIn('status', filter.statuses);
    }
    if (filter.model) {
      builder.where('model_name', filter.model);
    }
    if (filter.entityRef) {
      builder.whereExists(
        this.scopeSubquery().where(
          'release_scope.entity_ref',
          filter.entityRef,
        ),
      );
    }
    if (filter.entityRefs) {
      // An empty set of entities has no releases.
      builder.whereExists(
        this.scopeSubquery().whereIn(
          'release_scope.entity_ref',
          filter.entityRefs,
        ),
      );
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
      builder.where(b => this.applyCriteria(b, filter.permission!));
    }
  }

  private applyCriteria(
    builder: Knex.QueryBuilder,
    criteria: PermissionCriteria<ReleaseRuleFilter>,
  ): void {
    if ('allOf' in criteria) {
      for (const c of criteria.allOf) {
        builder.andWhere(b => this.applyCriteria(b, c));
      }
    } else if ('anyOf' in criteria) {
      builder.where(outer => {
        for (const c of criteria.anyOf) {
          outer.orWhere(b => this.applyCriteria(b, c));
        }
      });
    } else if ('not' in criteria) {
      builder.whereNot(b => this.applyCriteria(b, criteria.not));
    } else {
      this.applyRule(builder, criteria);
    }
  }

  private applyRule(builder: Knex.QueryBuilder, rule: ReleaseRuleFilter) {
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
      case 'scopeOwner':
        builder.whereExists(
          this.scopeSubquery().whereIn('release_scope.owner_ref', rule.values),
        );
        break;
      case 'scopeEntity':
        builder.whereExists(
          this.scopeSubquery().whereIn('release_scope.entity_ref', rule.values),
        );
        break;
      default:
        builder.whereRaw('1 = 0');
    }
  }

  private scopeSubquery() {
    return this.db('release_scope')
      .select(this.db.raw('1'))
      .whereRaw('release_scope.release_id = releases.id');
  }

  private async hydrate(
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
}

function toRow(release: StoredRelease): ReleaseRow {
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

function fieldsToColumns(
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
  if (fields.review !== undefined)
    columns.review = fields.review ? JSON.stringify(fields.review) : null;
  if (fields.verification !== undefined)
    columns.verification = fields.verification
      ? JSON.stringify(fields.verification)
      : null;
  return columns;
}

function earliestStart(from: string): string {
  return new Date(
    Date.parse(from) - MAX_RELEASE_WINDOW_DAYS * 86_400_000,
  ).toISOString();
}

function storedOrNull(iso: string | null | undefined): string | null {
  return iso ? toStoredInstant(iso) : null;
}

async function insertScope(
  tx: Knex.Transaction,
  releaseId: string,
  scope: StoredScopeItem[],
) {
  if (scope.length === 0) return;
  const rows: ScopeRow[] = scope.map(s => ({
    release_id: releaseId,
    entity_ref: s.entityRef,
    version: s.version,
    owner_ref: s.owner,
    system_ref: s.system,
  }));
  // Chunked: SQLite limits the bound parameters of one statement.
  await tx.batchInsert('release_scope', rows, 100);
}

async function appendHistory(
  tx: Knex.Transaction,
  releaseId: string,
  revision: number,
  history: HistoryInput,
) {
  await tx('release_history').insert({
    release_id: releaseId,
    revision,
    actor: history.actor,
    at: history.at,
    action: history.action,
    details: JSON.stringify(history.details),
  });
}

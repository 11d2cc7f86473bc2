import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  ReleaseHistoryEntry,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { toStoredInstant } from './instants';
import { getMigratedClient } from './migrations';
import { applyCriteria, applyFilter } from './releaseFilters';
import {
  asSchedulingUnavailable,
  DEFAULT_SCHEDULING_LOCK,
  lockAcrossReplicas,
  SchedulingTurns,
  type SchedulingLockOptions,
} from './schedulingLock';
import {
  earliestStart,
  fieldsToColumns,
  hydrateReleases,
  IN_CHUNK,
  toRow,
  type ApprovalRow,
  type ChecklistRow,
  type HistoryRow,
  type ReleaseRow,
  type ScopeRow,
} from './releaseRows';
import type {
  HistoryInput,
  ReleaseChange,
  ReleaseListFilter,
  ReleaseStore,
  ReleaseSummary,
  ScheduledQuery,
  ScheduledRelease,
  StoredRelease,
  StoredScopeItem,
} from './ReleaseStore';
import { releaseNotFound } from '../domain/releaseNotFound';

/** Releases in the plugin's database. */
export class DatabaseReleaseStore implements ReleaseStore {
  static async create(options: {
    database: DatabaseService;
    /** Bounds of scheduling decisions, in milliseconds; for tests. */
    schedulingLock?: Partial<SchedulingLockOptions>;
  }): Promise<DatabaseReleaseStore> {
    return new DatabaseReleaseStore(await getMigratedClient(options.database), {
      ...DEFAULT_SCHEDULING_LOCK,
      ...options.schedulingLock,
    });
  }

  /** Scheduling decisions of this process, one at a time. */
  private readonly schedulingTurns: SchedulingTurns;

  private constructor(
    private readonly db: Knex,
    private readonly schedulingLock: SchedulingLockOptions,
  ) {
    this.schedulingTurns = new SchedulingTurns(schedulingLock.waitMs);
  }

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
    return hydrateReleases(this.db, rows);
  }

  async list(
    filter: ReleaseListFilter,
  ): Promise<{ items: StoredRelease[]; totalCount: number }> {
    const query = this.db<ReleaseRow>('releases').where(builder =>
      applyFilter(this.db, builder, filter),
    );
    const [{ count }] = await query
      .clone()
      .count<{ count: number | string }[]>({ count: '*' });
    const rows = await query
      .clone()
      .select('*')
      .orderByRaw(
        filter.order === 'desc'
          ? 'planned_start is null desc, planned_start desc'
          : 'planned_start is null, planned_start asc',
      )
      .orderBy('created_at', filter.order ?? 'asc')
      .orderBy('id', filter.order ?? 'asc')
      .limit(filter.limit)
      .offset(filter.offset);
    return {
      items: await hydrateReleases(this.db, rows),
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
          ...milestoneColumns(tx, change.fields?.status, history.at),
          revision: next,
          updated_at: history.at,
        });
      if (updated === 0) {
        const current = await tx<ReleaseRow>('releases')
          .where({ id })
          .first('revision');
        if (!current) {
          throw releaseNotFound(id);
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

  async listSummaries(
    filter: Omit<ReleaseListFilter, 'offset'>,
  ): Promise<{ items: ReleaseSummary[]; more: boolean }> {
    const rows: Array<
      Pick<
        ReleaseRow,
        | 'id'
        | 'title'
        | 'version_label'
        | 'status'
        | 'model_name'
        | 'release_manager'
        | 'planned_start'
        | 'planned_end'
        | 'time_zone'
      >
    > = await this.db<ReleaseRow>('releases')
      .where(builder => applyFilter(this.db, builder, { ...filter, offset: 0 }))
      .select(
        'id',
        'title',
        'version_label',
        'status',
        'model_name',
        'release_manager',
        'planned_start',
        'planned_end',
        'time_zone',
      )
      .orderByRaw('planned_start is null, planned_start asc')
      .orderBy('id', 'asc')
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const scope = await this.scopeRefs(page.map(r => r.id));
    return {
      more: rows.length > filter.limit,
      items: page.map(r => ({
        id: r.id,
        title: r.title,
        versionLabel: r.version_label,
        status: r.status,
        model: r.model_name,
        releaseManager: r.release_manager,
        plannedWindow:
          r.planned_start && r.planned_end && r.time_zone
            ? {
                start: r.planned_start,
                end: r.planned_end,
                timeZone: r.time_zone,
              }
            : null,
        scope: scope.get(r.id) ?? [],
      })),
    };
  }

  async listScheduled(options: ScheduledQuery): Promise<ScheduledRelease[]> {
    const inWindow = () =>
      this.db<ReleaseRow>('releases')
        // Windows last at most MAX_RELEASE_WINDOW_DAYS, so overlapping ones
        // start no earlier than that before `from`: a bounded index range.
        .where('planned_start', '>', earliestStart(options.from))
        .andWhere('planned_start', '<', toStoredInstant(options.to))
        .andWhere('planned_end', '>', toStoredInstant(options.from))
        .whereIn('status', options.statuses)
        .modify(q => {
          if (options.excludeId) q.whereNot('id', options.excludeId);
        });
    const { readable } = options;
    const [rows, readableRows] = await Promise.all([
      inWindow().select(
        'id',
        'title',
        'planned_start',
        'planned_end',
      ) as Promise<
        Array<
          Pick<ReleaseRow, 'id' | 'title' | 'planned_start' | 'planned_end'>
        >
      >,
      // The same window once more through the caller's read criteria, as
      // SQL like every permission-filtered list.
      readable
        ? (inWindow()
            .where(b => applyCriteria(this.db, b, readable))
            .select('id') as Promise<Array<Pick<ReleaseRow, 'id'>>>)
        : undefined,
    ]);
    const visible = readableRows && new Set(readableRows.map(r => r.id));
    const scope = await this.scopeRefs(rows.map(r => r.id));
    return rows.map(r => ({
      id: r.id,
      title: r.title,
      scope: scope.get(r.id) ?? [],
      start: r.planned_start!,
      end: r.planned_end!,
      ...(visible && !visible.has(r.id) ? { restricted: true } : {}),
    }));
  }

  /** The scope entity refs of releases, by release id. */
  private async scopeRefs(ids: string[]): Promise<Map<string, string[]>> {
    const scope = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const rows = await this.db<ScopeRow>('release_scope')
        .whereIn('release_id', ids.slice(i, i + IN_CHUNK))
        .select('release_id', 'entity_ref');
      for (const row of rows) {
        const list = scope.get(row.release_id) ?? [];
        list.push(row.entity_ref);
        scope.set(row.release_id, list);
      }
    }
    return scope;
  }

  async withSchedulingLock<T>(
    action: (store: ReleaseStore) => Promise<T>,
  ): Promise<T> {
    return this.schedulingTurns.take(() =>
      lockAcrossReplicas(this.db, this.schedulingLock, tx =>
        action(new DatabaseReleaseStore(tx, this.schedulingLock)),
      ).catch(error => {
        throw asSchedulingUnavailable(error);
      }),
    );
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db('releases').count<
      { count: number | string }[]
    >({ count: '*' });
    return Number(count);
  }
}

/**
 * The instants metrics measure from: the first move to deployed (a
 * release may go back and forth) and the move to a final status.
 */
function milestoneColumns(
  tx: Knex.Transaction,
  status: ReleaseStatus | undefined,
  at: string,
): Record<string, unknown> {
  if (status === 'deployed') {
    return { deployed_at: tx.raw('COALESCE(deployed_at, ?)', [at]) };
  }
  if (status === 'closed' || status === 'cancelled') {
    return { closed_at: at };
  }
  return {};
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

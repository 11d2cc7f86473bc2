import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  ReleaseHistoryEntry,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { toStoredInstant } from './instants';
import { getMigratedClient } from './migrations';
import { applyFilter } from './releaseFilters';
import { isDatabaseUnavailable } from './unavailable';
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
  ScheduledRelease,
  StoredRelease,
  StoredScopeItem,
} from './ReleaseStore';

/** How long scheduling decisions may wait and hold the lock. */
export type SchedulingLockOptions = {
  /** The longest wait for a turn: in this process and for the lock. */
  waitMs: number;
  /** The longest statement or idle pause of a decision holding the lock. */
  holdMs: number;
};

const DEFAULT_SCHEDULING_LOCK: SchedulingLockOptions = {
  waitMs: 10_000,
  holdMs: 30_000,
};

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

  /** Settles when the last scheduling decision of this process has. */
  private schedulingQueue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Knex,
    private readonly schedulingLock: SchedulingLockOptions,
  ) {}

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
    const scope = await this.scopeRefs(rows.map(r => r.id));
    return rows.map(r => ({
      id: r.id,
      title: r.title,
      scope: scope.get(r.id) ?? [],
      start: r.planned_start!,
      end: r.planned_end!,
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
    // One decision at a time in this process: enough on SQLite, whose
    // single writer is this process, and on PostgreSQL it keeps waiting
    // callers from holding a pooled connection each. Each caller waits for
    // the one before it a bounded time, and always hands its turn on, also
    // when its decision fails or it gave up waiting.
    const previous = this.schedulingQueue;
    let handOn!: () => void;
    const turn = new Promise<void>(resolve => {
      handOn = resolve;
    });
    this.schedulingQueue = previous.then(() => turn);
    try {
      await waitAtMost(
        previous,
        this.schedulingLock.waitMs,
        `another decision took longer than ${this.schedulingLock.waitMs} ms`,
      );
      return await this.lockAcrossReplicas(action);
    } finally {
      handOn();
    }
  }

  /**
   * On PostgreSQL, replicas wait for each other on a transaction-level
   * advisory lock, released when the transaction ends, also when the
   * connection drops. One lock for every entity: decisions also depend on
   * neighbours and per-system limits, and scheduling is rare enough.
   *
   * `action` gets a store on the lock's own transaction, and writes the
   * decision there: a holder whose connection dies (and so loses the lock)
   * cannot write a decision afterwards, while the next one already decides.
   * Waits are bounded: the lock for `waitMs`, and the server ends a holder
   * that stays idle or runs a statement longer than `holdMs` (a replica
   * that hangs or vanishes without closing its connection).
   */
  private async lockAcrossReplicas<T>(
    action: (store: ReleaseStore) => Promise<T>,
  ): Promise<T> {
    if (this.db.client.config.client !== 'pg') {
      return action(this);
    }
    const { waitMs, holdMs } = this.schedulingLock;
    try {
      return await this.db.transaction(async tx => {
        await tx.raw(
          `SET LOCAL lock_timeout = ${Math.ceil(waitMs)};
           SET LOCAL statement_timeout = ${Math.ceil(holdMs)};
           SET LOCAL idle_in_transaction_session_timeout = ${Math.ceil(
             holdMs,
           )}`,
        );
        await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
          'release-management:scheduling',
        ]);
        // A transaction ends (and gives its connection back) only when its
        // callback does, even once the server has ended it: a decision
        // still running after holdMs is given up, so that neither the
        // connection nor this process's queue stays taken by it.
        return await waitAtMost(
          action(new DatabaseReleaseStore(tx, this.schedulingLock)),
          holdMs,
          `the decision took longer than ${holdMs} ms`,
        );
      });
    } catch (error) {
      throw asSchedulingUnavailable(error);
    }
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db('releases').count<
      { count: number | string }[]
    >({ count: '*' });
    return Number(count);
  }
}

const TRY_AGAIN =
  'Scheduling decisions are taken one at a time and this one could not be taken now; try again';

async function waitAtMost<T>(
  work: Promise<T>,
  ms: number,
  why: string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ServiceUnavailableError(`${TRY_AGAIN}: ${why}`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// lock_not_available, query_canceled (statement timeout),
// idle_in_transaction_session_timeout.
const LOCK_GONE_CODES = new Set(['55P03', '57014', '25P03']);

/**
 * A decision that ended because the lock could not be had in time or its
 * connection died: nothing of it was written (the write is on the lock's
 * transaction), so the caller may try again.
 */
function asSchedulingUnavailable(error: unknown): unknown {
  const e = error as { code?: string; message?: string };
  if ((e?.code && LOCK_GONE_CODES.has(e.code)) || isDatabaseUnavailable(e)) {
    return new ServiceUnavailableError(
      `${TRY_AGAIN}: ${e.message ?? 'the database connection was lost'}`,
    );
  }
  return error;
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

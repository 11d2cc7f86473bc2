import type { DatabaseService } from '@backstage/backend-plugin-api';
import { MAX_RELEASE_WINDOW_DAYS } from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import type { ChangeCounters } from './ChangeCounters';
import { getMigratedClient } from './migrations';
import { allows, supported } from './releaseCriteria';
import { IN_CHUNK, type ReleaseRow, type ScopeRow } from './releaseRows';
import type {
  ReleaseListFilter,
  ReleaseStore,
  ReleaseSummary,
  ScheduledQuery,
  ScheduledRelease,
} from './ReleaseStore';

/** The reads the index answers; the same as the store's. */
export type ReleaseReads = Pick<
  ReleaseStore,
  'listScheduled' | 'listSummaries'
>;

const MAX_WINDOW_MS = MAX_RELEASE_WINDOW_DAYS * 86_400_000;
const SUMMARY_COLUMNS = [
  'id',
  'title',
  'version_label',
  'status',
  'visibility',
  'model_name',
  'release_manager',
  'planned_start',
  'planned_end',
  'time_zone',
] as const;

type SummaryRow = Pick<ReleaseRow, (typeof SUMMARY_COLUMNS)[number]>;
type ScopeItemRow = Pick<ScopeRow, 'release_id' | 'entity_ref' | 'owner_ref'>;

type Entry = {
  row: SummaryRow;
  /** Planned start and end in ms; NaN without a planned window. */
  start: number;
  end: number;
  scope: string[];
  owners: Array<string | null>;
};

/**
 * Calendars and conflict checks read releases by planned window and by
 * entity, many times a second, where the releases change a few times a
 * minute. This index keeps what they read of every release in memory:
 * release summaries sorted by planned start, and the releases of each
 * entity. Before each read it asks the database's change counter (one
 * primary-key read) whether any release changed, in this replica or
 * another, and fetches just the releases stamped since; so a read sees
 * every write committed before it started, as the SQL queries do.
 *
 * It answers exactly what {@link ReleaseStore.listScheduled} and
 * {@link ReleaseStore.listSummaries} answer, and passes to the store what
 * it cannot (text search) or when there are more than `maxReleases`
 * releases, which bounds its memory (about 1 KB per release).
 */
export class ReleaseIndex implements ReleaseReads {
  static async create(options: {
    database: DatabaseService;
    counters: ChangeCounters;
    store: ReleaseReads;
    maxReleases?: number;
  }): Promise<ReleaseIndex> {
    return new ReleaseIndex(
      await getMigratedClient(options.database),
      options.counters,
      options.store,
      options.maxReleases ?? 250_000,
    );
  }

  private readonly byId = new Map<string, Entry>();
  /** Entries with a planned start, by start then id. */
  private readonly byStart: Entry[] = [];
  private readonly byEntity = new Map<string, Set<Entry>>();
  /** Longest planned window seen; bounds how far back a window scan starts. */
  private longest = 0;
  /** The counter value the index reflects; -1 before the first load. */
  private seq = -1;
  /** The highest counter value a reader has asked the index to reach. */
  private wanted = -1;
  private usable = false;
  private loading?: Promise<void>;

  constructor(
    private readonly db: Knex,
    private readonly counters: ChangeCounters,
    private readonly store: ReleaseReads,
    private readonly maxReleases: number,
  ) {}

  async listScheduled(options: ScheduledQuery): Promise<ScheduledRelease[]> {
    const { readable } = options;
    if (!(await this.fresh()) || (readable && !supported(readable))) {
      return this.store.listScheduled(options);
    }
    const from = Date.parse(options.from);
    const to = Date.parse(options.to);
    const statuses = new Set<string>(options.statuses);
    const out: ScheduledRelease[] = [];
    for (const e of this.windowScan(from, to)) {
      if (
        e.start > from - MAX_WINDOW_MS &&
        e.start < to &&
        e.end > from &&
        statuses.has(e.row.status) &&
        e.row.id !== options.excludeId
      ) {
        out.push({
          id: e.row.id,
          title: e.row.title,
          scope: e.scope.slice(),
          start: e.row.planned_start!,
          end: e.row.planned_end!,
          ...(readable && !allows(readable, e) ? { restricted: true } : {}),
        });
      }
    }
    return out;
  }

  async listSummaries(
    filter: Omit<ReleaseListFilter, 'offset'>,
  ): Promise<{ items: ReleaseSummary[]; more: boolean }> {
    if (
      filter.search ||
      (filter.permission && !supported(filter.permission)) ||
      !(await this.fresh())
    ) {
      return this.store.listSummaries(filter);
    }
    const from = filter.from !== undefined ? Date.parse(filter.from) : NaN;
    const to = filter.to !== undefined ? Date.parse(filter.to) : NaN;
    const entities = [...(filter.entityRefs ?? [])];
    if (filter.entityRef !== undefined) entities.push(filter.entityRef);
    const byEntity =
      filter.entityRef !== undefined || filter.entityRefs !== undefined;

    let candidates: Iterable<Entry>;
    if (byEntity) {
      const found = new Set<Entry>();
      for (const ref of entities) {
        for (const e of this.byEntity.get(ref) ?? []) found.add(e);
      }
      // Both entity filters must hold when both are given.
      candidates =
        filter.entityRef !== undefined && filter.entityRefs !== undefined
          ? [...found].filter(
              e =>
                e.scope.includes(filter.entityRef!) &&
                filter.entityRefs!.some(r => e.scope.includes(r)),
            )
          : found;
    } else if (!Number.isNaN(from) || !Number.isNaN(to)) {
      candidates = this.windowScan(from, to);
    } else {
      candidates = this.byId.values();
    }

    const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
    const models = filter.models ? new Set(filter.models) : null;
    const matches: Entry[] = [];
    for (const e of candidates) {
      const r = e.row;
      if (statuses && !statuses.has(r.status)) continue;
      if (filter.model && r.model_name !== filter.model) continue;
      if (models && !models.has(r.model_name)) continue;
      if (!Number.isNaN(to) && !(e.start < to)) continue;
      if (
        !Number.isNaN(from) &&
        !(e.start > from - MAX_WINDOW_MS && e.end > from)
      ) {
        continue;
      }
      if (filter.permission && !allows(filter.permission, e)) continue;
      matches.push(e);
    }
    matches.sort(byPlannedStart);
    return {
      more: matches.length > filter.limit,
      items: matches.slice(0, filter.limit).map(e => ({
        id: e.row.id,
        title: e.row.title,
        versionLabel: e.row.version_label,
        status: e.row.status,
        model: e.row.model_name,
        releaseManager: e.row.release_manager,
        plannedWindow:
          e.row.planned_start && e.row.planned_end && e.row.time_zone
            ? {
                start: e.row.planned_start,
                end: e.row.planned_end,
                timeZone: e.row.time_zone,
              }
            : null,
        scope: e.scope.slice(),
      })),
    };
  }

  /**
   * Entries whose planned start can put their window in [from, to):
   * starts after `from` minus the longest window, before `to`.
   */
  private *windowScan(from: number, to: number): Iterable<Entry> {
    const lo = Number.isNaN(from)
      ? 0
      : firstAfter(this.byStart, from - Math.min(this.longest, MAX_WINDOW_MS));
    for (let k = lo; k < this.byStart.length; k++) {
      const e = this.byStart[k];
      if (!Number.isNaN(to) && e.start >= to) break;
      yield e;
    }
  }

  /** Brings the index up to the database's counter; false when over capacity. */
  private async fresh(): Promise<boolean> {
    const target = await this.counters.get('releases');
    this.wanted = Math.max(this.wanted, target);
    while (this.seq < target) {
      if (!this.loading) {
        // Up to the highest counter anyone waiting has read: under a
        // steady stream of writes, a load for the first waiter's counter
        // alone would leave later waiters for yet another load.
        const seen = this.seq;
        this.loading = this.load(this.wanted, seen).finally(() => {
          this.loading = undefined;
        });
      }
      await this.loading;
    }
    return this.usable;
  }

  /**
   * Loads what changed since `seen`, or everything at first. `target` was
   * read before the rows, so every change stamped up to it is among them;
   * later ones that are too are fetched again next time, harmlessly.
   */
  private async load(target: number, seen: number): Promise<void> {
    if (!this.usable) {
      const [{ count }] = await this.db('releases').count<
        Array<{ count: number | string }>
      >({ count: '*' });
      if (Number(count) > this.maxReleases) {
        this.seq = target;
        return;
      }
      const rows: SummaryRow[] = await this.db<ReleaseRow>('releases').select(
        ...SUMMARY_COLUMNS,
      );
      // In the table's order, as the store reads scope.
      const scope = await this.db<ScopeRow>('release_scope').select(
        'release_id',
        'entity_ref',
        'owner_ref',
      );
      this.clear();
      this.apply(rows, scope, true);
      this.usable = true;
    } else {
      const rows: SummaryRow[] = await this.db<ReleaseRow>('releases')
        .where('change_seq', '>', seen)
        .select(...SUMMARY_COLUMNS);
      const scope: ScopeItemRow[] = [];
      for (let i = 0; i < rows.length; i += IN_CHUNK) {
        scope.push(
          ...(await this.db<ScopeRow>('release_scope')
            .whereIn(
              'release_id',
              rows.slice(i, i + IN_CHUNK).map(r => r.id),
            )
            .select('release_id', 'entity_ref', 'owner_ref')),
        );
      }
      this.apply(rows, scope, false);
      if (this.byId.size > this.maxReleases) {
        this.clear();
        this.usable = false;
      }
    }
    this.seq = Math.max(this.seq, target);
  }

  private clear() {
    this.byId.clear();
    this.byStart.length = 0;
    this.byEntity.clear();
    this.longest = 0;
  }

  private apply(rows: SummaryRow[], scopeRows: ScopeItemRow[], bulk: boolean) {
    const scopes = new Map<string, Array<(typeof scopeRows)[number]>>();
    for (const s of scopeRows) {
      let list = scopes.get(s.release_id);
      if (!list) scopes.set(s.release_id, (list = []));
      list.push(s);
    }
    for (const row of rows) {
      if (!bulk) this.remove(row.id);
      const items = scopes.get(row.id) ?? [];
      const start = row.planned_start ? Date.parse(row.planned_start) : NaN;
      const end = row.planned_end ? Date.parse(row.planned_end) : NaN;
      const entry: Entry = {
        row,
        start,
        end,
        scope: items.map(s => s.entity_ref),
        owners: items.map(s => s.owner_ref),
      };
      this.byId.set(row.id, entry);
      if (end - start > this.longest) this.longest = end - start;
      for (const ref of entry.scope) {
        let set = this.byEntity.get(ref);
        if (!set) this.byEntity.set(ref, (set = new Set()));
        set.add(entry);
      }
      if (Number.isNaN(start)) continue;
      if (bulk) this.byStart.push(entry);
      else this.byStart.splice(insertionPoint(this.byStart, entry), 0, entry);
    }
    if (bulk) this.byStart.sort(byPlannedStart);
  }

  private remove(id: string) {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    for (const ref of old.scope) {
      const set = this.byEntity.get(ref);
      set?.delete(old);
      if (set?.size === 0) this.byEntity.delete(ref);
    }
    if (!Number.isNaN(old.start)) {
      const k = insertionPoint(this.byStart, old);
      if (this.byStart[k] === old) this.byStart.splice(k, 1);
      else this.byStart.splice(this.byStart.indexOf(old), 1);
    }
  }
}

/** Planned start (none last), then id: the store's order. */
function byPlannedStart(a: Entry, b: Entry): number {
  const an = Number.isNaN(a.start);
  const bn = Number.isNaN(b.start);
  if (an !== bn) return an ? 1 : -1;
  if (!an && a.start !== b.start) return a.start - b.start;
  if (a.row.id === b.row.id) return 0;
  return a.row.id < b.row.id ? -1 : 1;
}

/** First position whose entry does not sort before `entry`. */
function insertionPoint(sorted: Entry[], entry: Entry): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPlannedStart(sorted[mid], entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose start is after `ms`. */
function firstAfter(sorted: Entry[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

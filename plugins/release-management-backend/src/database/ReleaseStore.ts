import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  Approval,
  ChecklistEntry,
  Release,
  ReleaseHistoryEntry,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';

/** What a calendar shows of a release. */
export type ReleaseSummary = Pick<
  StoredRelease,
  | 'id'
  | 'title'
  | 'versionLabel'
  | 'status'
  | 'releaseManager'
  | 'plannedWindow'
> & { model: string; scope: string[] };

/** A release as conflict detection sees it. */
export type ScheduledRelease = {
  id: string;
  title: string;
  scope: string[];
  start: string;
  end: string;
  /** Outside the caller's read criteria (see `ScheduledQuery.readable`). */
  restricted?: boolean;
};

/** A release as stored; `currentStage` is derived from its model. */
export type StoredRelease = Omit<Release, 'currentStage'>;

/** The scope of a release with the owner and system read from the catalog. */
export type StoredScopeItem = StoredRelease['scope'][number];

/**
 * Conditions the permission rules turn into SQL, so that a conditional
 * decision filters the list in the query and never after it.
 */
export type ReleaseRuleFilter =
  | { property: 'releaseManager'; values: string[] }
  | { property: 'scopeOwner'; values: string[] }
  | { property: 'scopeEntity'; values: string[] }
  | { property: 'status'; values: string[] }
  | { property: 'visibility'; values: string[] };

/** What a list request asks for. */
export type ReleaseListFilter = {
  statuses?: ReleaseStatus[];
  entityRef?: string;
  /** Releases with any of these entities in scope. */
  entityRefs?: string[];
  model?: string;
  /** Text in the title or version label, case-insensitive, taken literally. */
  search?: string;
  /** By planned start, unplanned releases last (`asc`) or first (`desc`). */
  order?: 'asc' | 'desc';
  /** Releases of any of these models. */
  models?: string[];
  /** Releases whose planned window overlaps [from, to). */
  from?: string;
  to?: string;
  permission?: PermissionCriteria<ReleaseRuleFilter>;
  limit: number;
  offset: number;
};

/** The mutable columns of a release. */
export type ReleaseFields = Partial<
  Pick<
    StoredRelease,
    | 'title'
    | 'versionLabel'
    | 'notes'
    | 'releaseManager'
    | 'status'
    | 'visibility'
    | 'plannedWindow'
    | 'actualStart'
    | 'actualEnd'
    | 'phases'
    | 'review'
    | 'verification'
  >
>;

/** One change to a release, written in one transaction with its history. */
export type ReleaseChange = {
  fields?: ReleaseFields;
  scope?: StoredScopeItem[];
  checklist?: ChecklistEntry;
  approval?: Approval;
};

/** The history entry a change appends. */
export type HistoryInput = {
  actor: string;
  at: string;
  action: string;
  details: Record<string, unknown>;
};

/** Storage of releases, their scope, checklist, approvals and history. */
/**
 * The criteria of a caller's release read decision; undefined when they
 * may read every release. What they do not match is shown to them as a
 * restricted busy block.
 */
export type ReadCriteria = PermissionCriteria<ReleaseRuleFilter> | undefined;

/** Which releases {@link ReleaseStore.listScheduled} answers with. */
export type ScheduledQuery = {
  from: string;
  to: string;
  statuses: ReleaseStatus[];
  excludeId?: string;
  readable?: PermissionCriteria<ReleaseRuleFilter>;
};

export interface ReleaseStore {
  create(release: StoredRelease, history: HistoryInput): Promise<StoredRelease>;
  get(id: string): Promise<StoredRelease | undefined>;
  getMany(ids: string[]): Promise<StoredRelease[]>;
  list(
    filter: ReleaseListFilter,
  ): Promise<{ items: StoredRelease[]; totalCount: number }>;
  /**
   * Applies a change if the release is still at `expectedRevision`, bumping
   * the revision. Throws ConflictError when it is not, NotFoundError when
   * there is no such release.
   */
  update(
    id: string,
    expectedRevision: number,
    change: ReleaseChange,
    history: HistoryInput,
  ): Promise<StoredRelease>;
  history(id: string): Promise<ReleaseHistoryEntry[]>;
  /**
   * Summaries of the releases a list filter selects, in planned order, at
   * most `limit` of them; `more` says whether there were others. Reads only
   * what calendars show: no checklist, approvals or count query.
   */
  listSummaries(
    filter: Omit<ReleaseListFilter, 'offset'>,
  ): Promise<{ items: ReleaseSummary[]; more: boolean }>;
  /**
   * Just what conflict detection needs of the releases whose planned
   * windows overlap [from, to) and that are in one of `statuses`. With
   * `readable`, the criteria of the caller's read decision, every release
   * they do not match is marked `restricted`: still returned, since its
   * window is busy, but to be shown by its window alone.
   */
  listScheduled(options: ScheduledQuery): Promise<ScheduledRelease[]>;
  count(): Promise<number>;
  /**
   * Runs `action` while no other scheduling decision runs, in this process
   * or, on PostgreSQL, in another replica on the same database. `action`
   * reads and writes the decision through the store it is given, so that
   * the decision is written only while the lock is held. Waits are bounded:
   * throws ServiceUnavailableError (503, try again) when the turn does not
   * come in time or the lock is lost.
   */
  withSchedulingLock<T>(
    action: (store: ReleaseStore) => Promise<T>,
  ): Promise<T>;
}

import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ApplicableModel,
  Approval,
  ApprovalRequest,
  CalendarFeed,
  CalendarQuery,
  CalendarResponse,
  ChecklistUpdateRequest,
  ConflictCheckRequest,
  ConflictCheckResponse,
  CreateFreezeWindowRequest,
  CreateReleaseModelRequest,
  CreateReleaseRequest,
  DeploymentPage,
  ExposureResponse,
  ListDeploymentsQuery,
  PhaseUpdateRequest,
  ExplorerResponse,
  FeedScope,
  FreezeOccurrence,
  FreezeWindow,
  HealthResponse,
  ImpactResponse,
  ListReleasesQuery,
  PatchReleaseRequest,
  PendingGates,
  Release,
  ReleaseHistoryEntry,
  ReleaseModel,
  ReleaseModelRevision,
  ReleaseOrderResponse,
  ReleasePage,
  SlotSearchRequest,
  SlotSearchResponse,
  SnapshotInfo,
  TransitionRequest,
  UpdateReleaseModelRequest,
  MetricsQuery,
  MetricsResponse,
  AcknowledgementsResponse,
  RateReleaseRequest,
  ReleaseRating,
  ReleaseRatingsResponse,
} from '@release-management/plugin-release-management-common';

/** What an analysis is about: entities, or the scope of a release. @public */
export type AnalysisTarget =
  | { entityRefs: string[]; releaseId?: undefined }
  | { releaseId: string; entityRefs?: undefined };

/** A calendar feed as created; its URL is shown this once. @public */
export type CreatedCalendarFeed = CalendarFeed & { url: string };

/** @public */
export type { Approval };

/**
 * Client of the release-management backend. Components never talk HTTP
 * themselves; they get data through this API.
 *
 * @public
 */
export interface ReleaseManagementApi {
  /** Whether the backend plugin is installed and answering. */
  getHealth(): Promise<HealthResponse>;

  /** Releases, freezes and maintenance windows in a range, with reasons. */
  getCalendar(query: CalendarQuery): Promise<CalendarResponse>;

  /** A page of the releases the caller may read. */
  listReleases(query?: ListReleasesQuery): Promise<ReleasePage>;
  getRelease(id: string): Promise<Release>;
  createRelease(request: CreateReleaseRequest): Promise<Release>;
  /** Refused with a 409 when `request.revision` is not the current one. */
  updateRelease(id: string, request: PatchReleaseRequest): Promise<Release>;
  transitionRelease(id: string, request: TransitionRequest): Promise<Release>;
  /** Per status the release may move to next, the gates that keep it. */
  getPendingGates(id: string): Promise<PendingGates[]>;
  decideApproval(id: string, request: ApprovalRequest): Promise<Release>;
  updateChecklistItem(
    id: string,
    itemId: string,
    request: ChecklistUpdateRequest,
  ): Promise<Release>;
  getReleaseHistory(id: string): Promise<ReleaseHistoryEntry[]>;
  /** The release's current conflicts, computed when asked. */
  getReleaseConflicts(id: string): Promise<ConflictCheckResponse>;
  /** Runs component verification on the scope and records it. */
  verifyRelease(id: string): Promise<Release>;
  /** Moves one ring of a phased rollout; records actual times. */
  updatePhase(
    id: string,
    ring: string,
    request: PhaseUpdateRequest,
  ): Promise<Release>;
  /** The audience share reached over time, from the rings' history. */
  getExposure(id: string): Promise<ExposureResponse>;
  /** Deployments recorded by pipelines, newest first. */
  listDeployments(query?: ListDeploymentsQuery): Promise<DeploymentPage>;
  getReleaseDeployments(id: string): Promise<DeploymentPage>;

  listModels(): Promise<ReleaseModel[]>;
  getModel(name: string): Promise<ReleaseModel>;
  listModelRevisions(name: string): Promise<ReleaseModelRevision[]>;
  createModel(request: CreateReleaseModelRequest): Promise<ReleaseModel>;
  updateModel(
    name: string,
    request: UpdateReleaseModelRequest,
  ): Promise<ReleaseModel>;

  listFreezeWindows(): Promise<FreezeWindow[]>;
  getFreezeWindow(id: string): Promise<FreezeWindow>;
  createFreezeWindow(request: CreateFreezeWindowRequest): Promise<FreezeWindow>;
  updateFreezeWindow(
    id: string,
    revision: number,
    window: CreateFreezeWindowRequest,
  ): Promise<FreezeWindow>;
  deleteFreezeWindow(id: string): Promise<void>;
  listFreezeOccurrences(from: string, to: string): Promise<FreezeOccurrence[]>;

  /** "What if": the conflicts of a plan that need not be saved. */
  checkConflicts(request: ConflictCheckRequest): Promise<ConflictCheckResponse>;
  /** The next windows free of blocking conflicts. */
  findSlots(request: SlotSearchRequest): Promise<SlotSearchResponse>;

  getSnapshotInfo(): Promise<SnapshotInfo>;
  getImpact(
    target: AnalysisTarget,
    options?: { maxDepth?: number; maxEntities?: number },
  ): Promise<ImpactResponse>;
  getReleaseOrder(target: AnalysisTarget): Promise<ReleaseOrderResponse>;
  getApplicableModel(entityRef: string): Promise<ApplicableModel>;
  getExplorer(
    root: { system: string } | { domain: string },
  ): Promise<ExplorerResponse>;

  listFeeds(): Promise<CalendarFeed[]>;
  createFeed(scope: FeedScope, title?: string): Promise<CreatedCalendarFeed>;
  revokeFeed(id: string): Promise<void>;
  /** Another lifetime for one's own feed, with what one may read now. */
  renewFeed(id: string): Promise<CalendarFeed>;

  /** The ITIL key metrics and DORA figures for a period, optionally grouped. */
  getMetrics(query: MetricsQuery): Promise<MetricsResponse>;
  getReleaseRatings(id: string): Promise<ReleaseRatingsResponse>;
  /** Rates a release as an owner of an impacted entity; replaces an earlier rating. */
  rateRelease(id: string, rating: RateReleaseRequest): Promise<ReleaseRating>;
  getAcknowledgements(id: string): Promise<AcknowledgementsResponse>;
  /** Acknowledges a release for the impacted owners the caller belongs to. */
  acknowledgeRelease(id: string): Promise<AcknowledgementsResponse>;
}

/** @public */
export const releaseManagementApiRef = createApiRef<ReleaseManagementApi>({
  id: 'plugin.release-management.service',
});

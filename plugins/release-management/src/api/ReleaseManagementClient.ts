import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  applicableModelSchema,
  calendarFeedSchema,
  calendarResponseSchema,
  conflictCheckResponseSchema,
  createdFeedSchema,
  deploymentPageSchema,
  exposureResponseSchema,
  explorerResponseSchema,
  freezeOccurrenceSchema,
  freezeWindowSchema,
  healthResponseSchema,
  impactResponseSchema,
  pendingGatesSchema,
  releaseHistoryEntrySchema,
  releaseModelRevisionSchema,
  releaseModelSchema,
  releaseOrderResponseSchema,
  releasePageSchema,
  releaseSchema,
  slotSearchResponseSchema,
  snapshotInfoSchema,
  type ApprovalRequest,
  type CalendarQuery,
  type ChecklistUpdateRequest,
  type ConflictCheckRequest,
  type CreateFreezeWindowRequest,
  type CreateReleaseModelRequest,
  type CreateReleaseRequest,
  type ListDeploymentsQuery,
  type PhaseUpdateRequest,
  type FeedScope,
  type ListReleasesQuery,
  type PatchReleaseRequest,
  type SlotSearchRequest,
  type TransitionRequest,
  type UpdateReleaseModelRequest,
  metricsResponseSchema,
  type MetricsQuery,
  acknowledgementsResponseSchema,
  releaseRatingSchema,
  releaseRatingsResponseSchema,
  type RateReleaseRequest,
} from '@release-management/plugin-release-management-common';
import { z } from 'zod';
import type {
  AnalysisTarget,
  ReleaseManagementApi,
} from './ReleaseManagementApi';

const itemsOf = <T extends z.ZodType>(schema: T) =>
  z.object({ items: z.array(schema) }).transform(r => r.items);

/**
 * Talks to the release-management backend through the discovery and fetch
 * APIs, so the app's auth headers and proxies apply. Responses are parsed
 * with the zod schemas the backend validates with, so a version skew between
 * frontend and backend shows up as a clear error instead of a blank page.
 *
 * @public
 */
export class ReleaseManagementClient implements ReleaseManagementApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getHealth() {
    return this.get('/health', healthResponseSchema);
  }

  getCalendar(query: CalendarQuery) {
    return this.get(
      `/calendar?${toSearchParams(query)}`,
      calendarResponseSchema,
    );
  }

  listReleases(query: ListReleasesQuery = {}) {
    return this.get(`/releases?${toSearchParams(query)}`, releasePageSchema);
  }

  getRelease(id: string) {
    return this.get(`/releases/${enc(id)}`, releaseSchema);
  }

  createRelease(request: CreateReleaseRequest) {
    return this.send('POST', '/releases', request, releaseSchema);
  }

  updateRelease(id: string, request: PatchReleaseRequest) {
    return this.send('PATCH', `/releases/${enc(id)}`, request, releaseSchema);
  }

  transitionRelease(id: string, request: TransitionRequest) {
    return this.send(
      'POST',
      `/releases/${enc(id)}/transitions`,
      request,
      releaseSchema,
    );
  }

  getPendingGates(id: string) {
    return this.get(`/releases/${enc(id)}/gates`, itemsOf(pendingGatesSchema));
  }

  decideApproval(id: string, request: ApprovalRequest) {
    return this.send(
      'POST',
      `/releases/${enc(id)}/approvals`,
      request,
      releaseSchema,
    );
  }

  updateChecklistItem(
    id: string,
    itemId: string,
    request: ChecklistUpdateRequest,
  ) {
    return this.send(
      'PUT',
      `/releases/${enc(id)}/checklist/${enc(itemId)}`,
      request,
      releaseSchema,
    );
  }

  getReleaseHistory(id: string) {
    return this.get(
      `/releases/${enc(id)}/history`,
      itemsOf(releaseHistoryEntrySchema),
    );
  }

  getReleaseConflicts(id: string) {
    return this.get(
      `/releases/${enc(id)}/conflicts`,
      conflictCheckResponseSchema,
    );
  }

  verifyRelease(id: string) {
    return this.send(
      'POST',
      `/releases/${enc(id)}/verification`,
      {},
      releaseSchema,
    );
  }

  updatePhase(id: string, ring: string, request: PhaseUpdateRequest) {
    return this.send(
      'POST',
      `/releases/${enc(id)}/phases/${enc(ring)}`,
      request,
      releaseSchema,
    );
  }

  getExposure(id: string) {
    return this.get(`/releases/${enc(id)}/exposure`, exposureResponseSchema);
  }

  listDeployments(query: ListDeploymentsQuery = {}) {
    return this.get(
      `/deployments?${toSearchParams(query)}`,
      deploymentPageSchema,
    );
  }

  getReleaseDeployments(id: string) {
    return this.get(`/releases/${enc(id)}/deployments`, deploymentPageSchema);
  }

  listModels() {
    return this.get('/models', itemsOf(releaseModelSchema));
  }

  getModel(name: string) {
    return this.get(`/models/${enc(name)}`, releaseModelSchema);
  }

  listModelRevisions(name: string) {
    return this.get(
      `/models/${enc(name)}/revisions`,
      itemsOf(releaseModelRevisionSchema),
    );
  }

  createModel(request: CreateReleaseModelRequest) {
    return this.send('POST', '/models', request, releaseModelSchema);
  }

  updateModel(name: string, request: UpdateReleaseModelRequest) {
    return this.send(
      'PUT',
      `/models/${enc(name)}`,
      request,
      releaseModelSchema,
    );
  }

  listFreezeWindows() {
    return this.get('/freeze-windows', itemsOf(freezeWindowSchema));
  }

  getFreezeWindow(id: string) {
    return this.get(`/freeze-windows/${enc(id)}`, freezeWindowSchema);
  }

  createFreezeWindow(request: CreateFreezeWindowRequest) {
    return this.send('POST', '/freeze-windows', request, freezeWindowSchema);
  }

  updateFreezeWindow(
    id: string,
    revision: number,
    window: CreateFreezeWindowRequest,
  ) {
    return this.send(
      'PUT',
      `/freeze-windows/${enc(id)}`,
      { revision, window },
      freezeWindowSchema,
    );
  }

  async deleteFreezeWindow(id: string) {
    await this.send('DELETE', `/freeze-windows/${enc(id)}`, undefined);
  }

  listFreezeOccurrences(from: string, to: string) {
    return this.get(
      `/freeze-windows/occurrences?${toSearchParams({ from, to })}`,
      itemsOf(freezeOccurrenceSchema),
    );
  }

  checkConflicts(request: ConflictCheckRequest) {
    return this.send(
      'POST',
      '/conflicts/check',
      request,
      conflictCheckResponseSchema,
    );
  }

  findSlots(request: SlotSearchRequest) {
    return this.send(
      'POST',
      '/conflicts/slots',
      request,
      slotSearchResponseSchema,
    );
  }

  getSnapshotInfo() {
    return this.get('/analysis/snapshot', snapshotInfoSchema);
  }

  getImpact(
    target: AnalysisTarget,
    options: { maxDepth?: number; maxEntities?: number } = {},
  ) {
    const query = toSearchParams({ ...targetQuery(target), ...options });
    return this.get(`/analysis/impact?${query}`, impactResponseSchema);
  }

  getReleaseOrder(target: AnalysisTarget) {
    return this.get(
      `/analysis/order?${toSearchParams(targetQuery(target))}`,
      releaseOrderResponseSchema,
    );
  }

  getApplicableModel(entityRef: string) {
    return this.get(
      `/analysis/applicable-model?${toSearchParams({ entityRef })}`,
      applicableModelSchema,
    );
  }

  getExplorer(root: { system: string } | { domain: string }) {
    return this.get(
      `/analysis/explorer?${toSearchParams(root)}`,
      explorerResponseSchema,
    );
  }

  listFeeds() {
    return this.get('/feeds', itemsOf(calendarFeedSchema));
  }

  createFeed(scope: FeedScope, title?: string) {
    return this.send('POST', '/feeds', { scope, title }, createdFeedSchema);
  }

  async revokeFeed(id: string) {
    await this.send('DELETE', `/feeds/${enc(id)}`, undefined);
  }

  renewFeed(id: string) {
    return this.send(
      'POST',
      `/feeds/${enc(id)}/renew`,
      undefined,
      calendarFeedSchema,
    );
  }

  getMetrics(query: MetricsQuery) {
    return this.get(`/metrics?${toSearchParams(query)}`, metricsResponseSchema);
  }

  getReleaseRatings(id: string) {
    return this.get(
      `/releases/${enc(id)}/ratings`,
      releaseRatingsResponseSchema,
    );
  }

  rateRelease(id: string, rating: RateReleaseRequest) {
    return this.send(
      'POST',
      `/releases/${enc(id)}/ratings`,
      rating,
      releaseRatingSchema,
    );
  }

  getAcknowledgements(id: string) {
    return this.get(
      `/releases/${enc(id)}/acknowledgements`,
      acknowledgementsResponseSchema,
    );
  }

  acknowledgeRelease(id: string) {
    return this.send(
      'POST',
      `/releases/${enc(id)}/acknowledgements`,
      undefined,
      acknowledgementsResponseSchema,
    );
  }

  private get<S extends z.ZodType>(path: string, schema: S) {
    return this.request(path, schema);
  }

  private send<S extends z.ZodType>(
    method: string,
    path: string,
    body: unknown,
    schema?: S,
  ) {
    return this.request(path, schema, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async request<S extends z.ZodType>(
    path: string,
    schema: S | undefined,
    init?: RequestInit,
  ): Promise<z.output<S>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('release-management');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (!schema) return undefined as z.output<S>;
    return schema.parse(await response.json());
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function targetQuery(target: AnalysisTarget) {
  return target.releaseId
    ? { releaseId: target.releaseId }
    : { entityRef: target.entityRefs };
}

/** Query parameters; arrays repeat the key, undefined values are left out. */
function toSearchParams(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat()) {
      if (item !== undefined && item !== null) params.append(key, String(item));
    }
  }
  return params.toString();
}

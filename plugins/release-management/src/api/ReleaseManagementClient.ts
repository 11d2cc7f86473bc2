import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  calendarResponseSchema,
  healthResponseSchema,
  releasePageSchema,
  type CalendarQuery,
  type CalendarResponse,
  type HealthResponse,
  type ListReleasesQuery,
  type ReleasePage,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type { ReleaseManagementApi } from './ReleaseManagementApi';

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

  async getHealth(): Promise<HealthResponse> {
    return this.request('/health', healthResponseSchema);
  }

  async getCalendar(query: CalendarQuery): Promise<CalendarResponse> {
    return this.request(
      `/calendar?${toSearchParams(query)}`,
      calendarResponseSchema,
    );
  }

  async listReleases(query: ListReleasesQuery = {}): Promise<ReleasePage> {
    return this.request(
      `/releases?${toSearchParams(query)}`,
      releasePageSchema,
    );
  }

  private async request<T>(
    path: string,
    schema: z.ZodType<T>,
    init?: RequestInit,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('release-management');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return schema.parse(await response.json());
  }
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

import { ResponseError } from '@backstage/errors';
import type {
  ApplicableModel,
  ReleaseModel,
} from '@release-management/plugin-release-management-common';

/** A release model as the API returns it, for component tests. */
export function aModel(overrides: Partial<ReleaseModel> = {}): ReleaseModel {
  return {
    name: 'normal',
    title: 'Normal release',
    description: 'The usual way a change reaches users.',
    owner: 'group:default/release-managers',
    releaseType: 'minor',
    rolloutStrategy: 'phased',
    stages: [
      {
        key: 'plan',
        title: 'Plan',
        completesWith: 'planned',
        checklist: [
          { id: 'notes', title: 'Release notes written', required: true },
        ],
        approvals: [
          {
            id: 'cab',
            title: 'Change advisory board',
            count: 1,
            from: { type: 'group', group: 'group:default/cab' },
          },
        ],
        automaticChecks: ['scope-not-empty'],
      },
    ],
    schedulingPolicy: {
      minimumLeadTimeHours: 24,
      maintenanceWindows: [],
      freezeOverrideAllowed: false,
    },
    applicability: { kinds: ['Component'] },
    priority: 0,
    revision: 3,
    source: 'api',
    readOnly: false,
    createdAt: '2029-11-01T00:00:00.000Z',
    updatedAt: '2029-11-20T00:00:00.000Z',
    updatedBy: 'user:default/radia.perlman',
    ...overrides,
  };
}

export function anApplicableModel(
  overrides: Partial<ApplicableModel> = {},
): ApplicableModel {
  return {
    entityRef: 'component:default/cart-service',
    model: 'normal',
    source: 'selector',
    matchedCriteria: ['kind'],
    reason: 'matches the selector of model normal on kind',
    ...overrides,
  };
}

/** The error the API client throws for a refused request. */
export function aResponseError(
  status: number,
  message: string,
): Promise<ResponseError> {
  const statusText = status === 409 ? 'Conflict' : 'Bad Request';
  const body = JSON.stringify({
    error: { name: status === 409 ? 'ConflictError' : 'InputError', message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    redirected: false,
    type: 'basic',
    status,
    statusText,
    url: 'http://localhost:7007/api/release-management',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  });
}

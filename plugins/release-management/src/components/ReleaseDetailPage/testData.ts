import { ResponseError } from '@backstage/errors';
import type {
  ReleaseHistoryEntry,
  ReleaseModel,
} from '@release-management/plugin-release-management-common';

/**
 * A normal-change model: plan, verify (with a change advisory board
 * approval), execute, review.
 */
export function aModel(overrides: Partial<ReleaseModel> = {}): ReleaseModel {
  return {
    name: 'normal',
    revision: 1,
    title: 'Normal change',
    description: '',
    owner: 'group:default/release-office',
    releaseType: 'minor',
    rolloutStrategy: 'big-bang',
    stages: [
      {
        key: 'plan',
        title: 'Plan',
        completesWith: 'planned',
        checklist: [
          { id: 'scope-agreed', title: 'Scope agreed', required: true },
        ],
        approvals: [],
        automaticChecks: ['scope-not-empty'],
      },
      {
        key: 'verify-components',
        title: 'Verify components',
        completesWith: 'scheduled',
        checklist: [
          { id: 'tests-green', title: 'Tests green', required: true },
        ],
        approvals: [
          {
            id: 'cab',
            title: 'Change advisory board',
            count: 1,
            from: { type: 'group', group: 'group:default/cab' },
          },
        ],
        automaticChecks: [],
      },
      {
        key: 'execute',
        title: 'Execute',
        completesWith: 'deployed',
        checklist: [
          { id: 'runbook-ready', title: 'Runbook ready', required: true },
          { id: 'comms-sent', title: 'Users told', required: false },
        ],
        approvals: [],
        automaticChecks: [],
      },
      {
        key: 'review',
        title: 'Review',
        completesWith: 'closed',
        checklist: [],
        approvals: [],
        automaticChecks: ['review-recorded'],
      },
    ],
    schedulingPolicy: {
      minimumLeadTimeHours: 0,
      maintenanceWindows: [],
      freezeOverrideAllowed: false,
    },
    applicability: {},
    priority: 0,
    source: 'api',
    readOnly: false,
    createdAt: '2029-01-01T00:00:00.000Z',
    updatedAt: '2029-01-01T00:00:00.000Z',
    updatedBy: 'user:default/radia.perlman',
    ...overrides,
  };
}

/** An entry of a release's history. */
export function aHistoryEntry(
  overrides: Partial<ReleaseHistoryEntry> = {},
): ReleaseHistoryEntry {
  return {
    id: 1,
    releaseId: 'r1',
    revision: 1,
    actor: 'user:default/radia.perlman',
    at: '2029-12-01T00:00:00.000Z',
    action: 'created',
    details: {},
    ...overrides,
  };
}

/** What the client throws when the backend refuses: a `ResponseError`. */
export function aResponseError(
  statusCode: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode },
  });
  // Only what `fromResponse` reads of a response.
  return ResponseError.fromResponse({
    ok: false,
    status: statusCode,
    statusText: name,
    url: '',
    headers: { get: () => 'application/json' },
    text: async () => body,
  } as unknown as Response);
}

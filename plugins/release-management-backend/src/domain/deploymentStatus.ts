import type { DeploymentStatus } from '@release-management/plugin-release-management-common';

/** Statuses that end a deployment. */
export const FINAL_DEPLOYMENT_STATUSES: DeploymentStatus[] = [
  'succeeded',
  'failed',
  'rolled-back',
];

/**
 * The status after a pipeline reports `reported` for a deployment that is
 * `current`. A `started` never replaces an outcome: retried webhooks and
 * parallel steps deliver events out of order, and a late `started` must
 * not make a finished deployment look running again. Outcomes replace each
 * other (a succeeded deployment can be rolled back).
 */
export function nextDeploymentStatus(
  current: DeploymentStatus,
  reported: DeploymentStatus,
): DeploymentStatus {
  if (reported === 'started' && current !== 'started') return current;
  return reported;
}

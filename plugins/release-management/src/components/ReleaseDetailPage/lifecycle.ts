import {
  type GateFailure,
  type PendingGates,
  type ReleaseModelDefinition,
  type ReleaseStatus,
  STANDARD_TRANSITIONS,
  TERMINAL_STATUSES,
} from '@release-management/plugin-release-management-common';

/** The statuses a release of this model may move to next. */
export function allowedTargets(
  model: Pick<ReleaseModelDefinition, 'transitions'>,
  from: ReleaseStatus,
): ReleaseStatus[] {
  const rules = model.transitions ?? STANDARD_TRANSITIONS;
  return rules.filter(rule => rule.from === from).map(rule => rule.to);
}

/** Whether the release can still change at all. */
export function isOpen(status: ReleaseStatus): boolean {
  return !TERMINAL_STATUSES.includes(status);
}

/** The failed gates per status the release could move to. */
export function failuresByTarget(
  pending: ReadonlyArray<PendingGates>,
): Map<ReleaseStatus, GateFailure[]> {
  return new Map(pending.map(p => [p.to, p.failures]));
}

/** An override is only worth offering when every failed gate allows one. */
export function canOverride(failures: GateFailure[]): boolean {
  return failures.length > 0 && failures.every(f => f.overridable !== false);
}

/** Statuses from which the post-implementation review is written. */
export const REVIEW_STATUSES: ReadonlyArray<ReleaseStatus> = [
  'deployed',
  'verified',
  'failed',
  'rolled-back',
  'closed',
];

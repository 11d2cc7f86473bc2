import {
  type GateFailure,
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

// Blocking conflicts of the planned window guard the move to `scheduled`.
const SCHEDULING_STAGE = 'scheduling';

/**
 * The pending gates per status the release could move to. The backend
 * answers per target (`{ to, failures }`); a flat list of gate failures is
 * attributed through the stage each failure belongs to, since a stage's gate
 * guards the move into the status it completes with.
 */
export function failuresByTarget(
  pending: ReadonlyArray<unknown>,
  model: Pick<ReleaseModelDefinition, 'stages'>,
): Map<string, GateFailure[]> {
  const byTarget = new Map<string, GateFailure[]>();
  const add = (to: string, failures: GateFailure[]) =>
    byTarget.set(to, [...(byTarget.get(to) ?? []), ...failures]);
  for (const item of pending) {
    const perTarget = item as { to?: string; failures?: GateFailure[] };
    if (typeof perTarget.to === 'string' && Array.isArray(perTarget.failures)) {
      add(perTarget.to, perTarget.failures);
      continue;
    }
    const failure = item as GateFailure;
    const stage = model.stages.find(s => s.key === failure.stage);
    if (stage) {
      add(stage.completesWith, [failure]);
    } else if (failure.stage === SCHEDULING_STAGE) {
      add('scheduled', [failure]);
    }
  }
  return byTarget;
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

import {
  STANDARD_TRANSITIONS,
  type ReleaseModelDefinition,
  type ReleaseStage,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';

// How far along the standard path a status is; the side exits (cancelled,
// failed, rolled-back) have no rank of their own.
const PROGRESS: Partial<Record<ReleaseStatus, number>> = {
  draft: 0,
  planned: 1,
  scheduled: 2,
  'in-progress': 3,
  deployed: 4,
  verified: 5,
  closed: 6,
};

/** The statuses a release of this model may move to from `from`. */
export function allowedTargets(
  model: ReleaseModelDefinition,
  from: ReleaseStatus,
): ReleaseStatus[] {
  const rules = model.transitions ?? STANDARD_TRANSITIONS;
  return rules.filter(rule => rule.from === from).map(rule => rule.to);
}

/**
 * The stage a release in `status` is in: the first stage of the model whose
 * gate it has not yet passed. A failed or rolled-back release still owes its
 * review; a closed or cancelled one is in no stage.
 */
export function currentStage(
  model: ReleaseModelDefinition,
  status: ReleaseStatus,
): ReleaseStage | undefined {
  if (status === 'closed' || status === 'cancelled') {
    return undefined;
  }
  if (status === 'failed' || status === 'rolled-back') {
    return model.stages.find(stage => stage.completesWith === 'closed');
  }
  const rank = PROGRESS[status] ?? 0;
  return model.stages.find(
    stage => (PROGRESS[stage.completesWith] ?? Infinity) > rank,
  );
}

/** The stages whose gates guard the move into `to`. */
export function stagesCompletingWith(
  model: ReleaseModelDefinition,
  to: ReleaseStatus,
): ReleaseStage[] {
  return model.stages.filter(stage => stage.completesWith === to);
}

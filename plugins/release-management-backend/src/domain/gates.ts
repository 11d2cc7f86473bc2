import type {
  GateFailure,
  ReleaseModelDefinition,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import type { StoredRelease } from '../database/ReleaseStore';
import { describeApprover } from './approvers';
import { stagesCompletingWith } from './lifecycle';

/**
 * Every gate that keeps `release` from moving to `to`, each with a sentence
 * that says what is missing. An empty list means the way is open.
 */
export function evaluateGates(
  release: StoredRelease,
  model: ReleaseModelDefinition,
  to: ReleaseStatus,
): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const stage of stagesCompletingWith(model, to)) {
    for (const item of stage.checklist) {
      if (!item.required) continue;
      const entry = release.checklist.find(c => c.itemId === item.id);
      if (!entry?.done) {
        failures.push({
          stage: stage.key,
          kind: 'checklist',
          id: item.id,
          message: `Checklist item "${item.title}" of stage "${stage.title}" is not done`,
        });
      }
    }

    for (const gate of stage.approvals) {
      const decisions = release.approvals.filter(
        a => a.stage === stage.key && a.gate === gate.id,
      );
      const rejections = decisions.filter(a => a.decision === 'reject');
      if (rejections.length > 0) {
        const by = rejections
          .map(r => (r.comment ? `${r.approver} ("${r.comment}")` : r.approver))
          .join(', ');
        failures.push({
          stage: stage.key,
          kind: 'approval',
          id: gate.id,
          message: `Approval "${gate.title}" of stage "${stage.title}" was rejected by ${by}`,
        });
        continue;
      }
      const approvals = decisions.filter(a => a.decision === 'approve').length;
      if (approvals < gate.count) {
        failures.push({
          stage: stage.key,
          kind: 'approval',
          id: gate.id,
          message: `Approval "${gate.title}" of stage "${stage.title}" needs ${
            gate.count
          } approval(s) from ${describeApprover(
            gate.from,
          )}; it has ${approvals}`,
        });
      }
    }

    for (const check of stage.automaticChecks) {
      const message = failedCheck(check, release);
      if (message) {
        failures.push({
          stage: stage.key,
          kind: 'automatic-check',
          id: check,
          message: `${message} (stage "${stage.title}")`,
        });
      }
    }
  }
  if (to === 'closed' && !release.review) {
    // Closed is final: a release closed without its post-implementation
    // review would never get one, so the review is required whatever the
    // model asks, and no override may skip it.
    const declared = failures.find(f => f.id === 'review-recorded');
    if (declared) {
      declared.overridable = false;
    } else {
      failures.push({
        stage: stagesCompletingWith(model, 'closed')[0]?.key ?? 'review',
        kind: 'automatic-check',
        id: 'review-recorded',
        message:
          'A release can only be closed once its post-implementation review (outcome, incidents, lessons) is recorded',
        overridable: false,
      });
    }
  }
  return failures;
}

function failedCheck(
  check: ReleaseModelDefinition['stages'][number]['automaticChecks'][number],
  release: StoredRelease,
): string | undefined {
  switch (check) {
    case 'scope-not-empty':
      return release.scope.length === 0
        ? 'The release has no entities in its scope'
        : undefined;
    case 'planned-window-set':
      return release.plannedWindow
        ? undefined
        : 'The release has no planned window';
    case 'notes-written':
      return release.notes.trim() ? undefined : 'The release notes are empty';
    case 'review-recorded':
      return release.review
        ? undefined
        : 'The post-implementation review has not been recorded';
    default:
      return `Unknown automatic check "${check}"`;
  }
}

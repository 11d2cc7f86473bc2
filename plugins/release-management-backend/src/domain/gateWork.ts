import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type {
  ReleaseModelDefinition,
  approvalRequestSchema,
  checklistUpdateRequestSchema,
} from '@release-management/plugin-release-management-common';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  HistoryInput,
  ReleaseChange,
  StoredRelease,
} from '../database/ReleaseStore';
import { describeApprover, isEligibleApprover, type Actor } from './approvers';

/** A change to a release with the history entry that records it. */
export type GateWork = { change: ReleaseChange; history: HistoryInput };

/**
 * An approval decision on one of the model's approval gates. Refuses gates
 * the model does not have and approvers the gate does not accept, in words
 * that name what would be right.
 */
export function approvalDecision(
  release: StoredRelease,
  model: ReleaseModelDefinition,
  request: z.output<typeof approvalRequestSchema>,
  actor: Actor,
  at: string,
): GateWork {
  const stage = model.stages.find(s => s.key === request.stage);
  if (!stage) {
    throw new InputError(
      `stage: model "${release.model.name}" has no stage "${
        request.stage
      }"; its stages are ${model.stages.map(s => s.key).join(', ')}`,
    );
  }
  const gate = stage.approvals.find(g => g.id === request.gate);
  if (!gate) {
    throw new InputError(
      `gate: stage "${stage.key}" has no approval gate "${request.gate}"${
        stage.approvals.length
          ? `; its gates are ${stage.approvals.map(g => g.id).join(', ')}`
          : '; it needs no approvals'
      }`,
    );
  }
  if (!isEligibleApprover(gate.from, release, actor)) {
    throw new NotAllowedError(
      `Approval "${gate.title}" must come from ${describeApprover(
        gate.from,
      )}; ${actor.ref} is not one of them`,
    );
  }
  const comment = request.comment ? { comment: request.comment } : {};
  return {
    change: {
      approval: {
        id: randomUUID(),
        stage: stage.key,
        gate: gate.id,
        approver: actor.ref,
        decision: request.decision,
        ...comment,
        at,
      },
    },
    history: {
      actor: actor.ref,
      at,
      action: request.decision === 'approve' ? 'approved' : 'rejected',
      details: { stage: stage.key, gate: gate.id, ...comment },
    },
  };
}

/** Ticking or unticking an item of the model's checklists. */
export function checklistTick(
  release: StoredRelease,
  model: ReleaseModelDefinition,
  itemId: string,
  request: z.output<typeof checklistUpdateRequestSchema>,
  actor: Actor,
  at: string,
): GateWork {
  const stage = model.stages.find(s =>
    s.checklist.some(item => item.id === itemId),
  );
  if (!stage) {
    throw new NotFoundError(
      `Release model "${release.model.name}" has no checklist item "${itemId}"`,
    );
  }
  const note = request.note ? { note: request.note } : {};
  return {
    change: {
      checklist: {
        stage: stage.key,
        itemId,
        done: request.done,
        by: actor.ref,
        at,
        ...note,
      },
    },
    history: {
      actor: actor.ref,
      at,
      action: request.done ? 'checklist-item-done' : 'checklist-item-undone',
      details: { stage: stage.key, item: itemId, ...note },
    },
  };
}

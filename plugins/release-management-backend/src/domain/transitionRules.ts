import { ConflictError } from '@backstage/errors';
import type {
  GateFailure,
  ReleaseModelDefinition,
  ReleaseStatus,
  transitionRequestSchema,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type {
  HistoryInput,
  ReleaseFields,
  StoredRelease,
} from '../database/ReleaseStore';
import type { Actor } from './approvers';
import { allowedTargets } from './lifecycle';

type TransitionRequest = z.output<typeof transitionRequestSchema>;

/** Refuses a move the release's model does not allow from its status. */
export function assertMoveAllowed(
  release: StoredRelease,
  model: ReleaseModelDefinition,
  to: ReleaseStatus,
): void {
  const targets = allowedTargets(model, release.status);
  if (targets.includes(to)) return;
  throw new ConflictError(
    `Release model "${
      release.model.name
    }" does not allow a release to go from ${release.status} to ${to}; ${
      targets.length
        ? `from ${release.status} it may go to ${targets.join(', ')}`
        : `${release.status} is final`
    }`,
  );
}

/**
 * Whether failed gates stop the move: not at all (`pass`), or only if the
 * caller may not override (`override`). Refuses outright without an
 * override, and when a gate no override can skip failed.
 */
export function gateVerdict(
  failures: GateFailure[],
  request: TransitionRequest,
): 'pass' | 'override' {
  if (failures.length === 0) return 'pass';
  const fixed = failures.filter(f => f.overridable === false);
  if (request.override && fixed.length > 0) {
    throw new ConflictError(
      `The release cannot move to ${
        request.to
      }, not even with an override: ${fixed.map(f => f.message).join('; ')}`,
    );
  }
  if (!request.override) {
    throw new ConflictError(
      `The release cannot move to ${request.to}: ${failures
        .map(f => f.message)
        .join('; ')}`,
    );
  }
  return 'override';
}

/**
 * The write of a move: the new status, the actual start or end it marks,
 * and the history entry — with the skipped gates and the justification
 * when gates were overridden, so audits can find every override.
 */
export function transitionWrite(
  release: StoredRelease,
  request: TransitionRequest,
  overridden: GateFailure[] | undefined,
  actor: Actor,
  at: string,
): { fields: ReleaseFields; history: HistoryInput } {
  const fields: ReleaseFields = { status: request.to };
  if (request.to === 'in-progress' && !release.actualStart) {
    fields.actualStart = at;
  }
  if (
    ['deployed', 'failed', 'rolled-back'].includes(request.to) &&
    !release.actualEnd
  ) {
    fields.actualEnd = at;
  }
  return {
    fields,
    history: {
      actor: actor.ref,
      at,
      action: 'transitioned',
      details: {
        from: release.status,
        to: request.to,
        ...(request.comment ? { comment: request.comment } : {}),
        ...(overridden
          ? {
              override: {
                justification: request.override!.justification,
                skippedGates: overridden,
              },
            }
          : {}),
      },
    },
  };
}

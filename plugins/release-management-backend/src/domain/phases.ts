import type {
  ReleasePhase,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';

type PhaseStatus = ReleasePhase['status'];

/**
 * How a ring may move. A ring in progress may stay in progress with a new
 * audience (a feature flag widening); a halted ring resumes or is called
 * done as it is; a completed ring is final.
 */
const PHASE_MOVES: Record<PhaseStatus, PhaseStatus[]> = {
  pending: ['in-progress'],
  'in-progress': ['in-progress', 'completed', 'halted'],
  halted: ['in-progress', 'completed'],
  completed: [],
};

/**
 * Rings move while the release runs, and after it is deployed: a feature
 * flag goes on widening its audience long after the code shipped.
 */
export const PHASE_RELEASE_STATUSES: ReleaseStatus[] = [
  'in-progress',
  'deployed',
  'verified',
];

export type PhaseMove =
  | {
      ok: true;
      phases: ReleasePhase[];
      from: PhaseStatus;
      to: PhaseStatus;
      audiencePercent: number;
      /** The release's exposure after the move. */
      exposurePercent: number;
    }
  | { ok: false; reason: 'no-such-ring' | 'not-allowed'; message: string };

/**
 * Moves one ring, recording its actual start the first time it goes in
 * progress and its actual end when it completes or halts (cleared again
 * if it resumes). Pure: returns the new phases or why not.
 */
export function advancePhase(
  phases: ReleasePhase[],
  ring: string,
  move: { status: PhaseStatus; audiencePercent?: number; at: string },
): PhaseMove {
  const index = phases.findIndex(p => p.ring === ring);
  if (index < 0) {
    return {
      ok: false,
      reason: 'no-such-ring',
      message: `The release has no ring "${ring}"${
        phases.length
          ? `; its rings are ${phases.map(p => p.ring).join(', ')}`
          : '; it has no phases'
      }`,
    };
  }
  const phase = phases[index];
  const allowed = PHASE_MOVES[phase.status];
  if (!allowed.includes(move.status)) {
    return {
      ok: false,
      reason: 'not-allowed',
      message: `Ring "${ring}" is ${phase.status} and cannot become ${
        move.status
      }${
        allowed.length
          ? `; it may become ${allowed.join(' or ')}`
          : `; ${phase.status} is final`
      }`,
    };
  }
  const next: ReleasePhase = {
    ...phase,
    status: move.status,
    audiencePercent: move.audiencePercent ?? phase.audiencePercent,
  };
  if (move.status === 'in-progress') {
    next.actualStart = phase.actualStart ?? move.at;
    delete next.actualEnd;
  } else {
    next.actualEnd = move.at;
  }
  const updated = phases.map((p, i) => (i === index ? next : p));
  return {
    ok: true,
    phases: updated,
    from: phase.status,
    to: move.status,
    audiencePercent: next.audiencePercent,
    exposurePercent: exposureOf(updated),
  };
}

/**
 * The share of users a release reaches: the widest ring that has been
 * opened. A halted ring stays exposed (halting stops the rollout, it does
 * not take the change back; a roll-back is a release status).
 */
export function exposureOf(phases: ReleasePhase[]): number {
  return phases
    .filter(p => p.status !== 'pending')
    .reduce((max, p) => Math.max(max, p.audiencePercent), 0);
}

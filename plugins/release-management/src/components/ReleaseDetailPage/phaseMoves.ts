import type { ReleasePhase } from '@release-management/plugin-release-management-common';

type PhaseStatus = ReleasePhase['status'];

/**
 * The moves a ring offers, as the backend allows them (see its
 * `domain/phases.ts`): start a pending ring, complete or halt a running
 * one, resume or complete a halted one. A completed ring is final.
 */
export const PHASE_ACTIONS: Record<
  PhaseStatus,
  { to: PhaseStatus; label: string }[]
> = {
  pending: [{ to: 'in-progress', label: 'Start' }],
  'in-progress': [
    { to: 'completed', label: 'Complete' },
    { to: 'halted', label: 'Halt' },
  ],
  halted: [
    { to: 'in-progress', label: 'Resume' },
    { to: 'completed', label: 'Complete' },
  ],
  completed: [],
};

/** Rings move while the release runs and after it is deployed. */
export const PHASE_RELEASE_STATUSES = ['in-progress', 'deployed', 'verified'];

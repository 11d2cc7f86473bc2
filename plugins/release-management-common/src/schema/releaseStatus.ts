import { z } from 'zod';

/**
 * The lifecycle of a release. `scheduled` means approved for its window;
 * `closed` means reviewed.
 *
 * @public
 */
export const RELEASE_STATUSES = [
  'draft',
  'planned',
  'scheduled',
  'in-progress',
  'deployed',
  'verified',
  'closed',
  'cancelled',
  'failed',
  'rolled-back',
] as const;

/** @public */
export const releaseStatusSchema = z.enum(RELEASE_STATUSES);

/** @public */
export type ReleaseStatus = z.infer<typeof releaseStatusSchema>;

/**
 * The transitions a model allows when it does not list its own: the
 * standard path, going back one step to re-plan, cancelling before
 * execution, and failure or roll-back during it.
 *
 * @public
 */
export const STANDARD_TRANSITIONS: ReadonlyArray<{
  from: ReleaseStatus;
  to: ReleaseStatus;
}> = [
  { from: 'draft', to: 'planned' },
  { from: 'draft', to: 'cancelled' },
  { from: 'planned', to: 'scheduled' },
  { from: 'planned', to: 'draft' },
  { from: 'planned', to: 'cancelled' },
  { from: 'scheduled', to: 'in-progress' },
  { from: 'scheduled', to: 'planned' },
  { from: 'scheduled', to: 'cancelled' },
  { from: 'in-progress', to: 'deployed' },
  { from: 'in-progress', to: 'failed' },
  { from: 'in-progress', to: 'rolled-back' },
  { from: 'deployed', to: 'verified' },
  { from: 'deployed', to: 'failed' },
  { from: 'deployed', to: 'rolled-back' },
  { from: 'verified', to: 'closed' },
  { from: 'failed', to: 'closed' },
  { from: 'rolled-back', to: 'closed' },
];

/** Statuses a release never leaves. @public */
export const TERMINAL_STATUSES: ReadonlyArray<ReleaseStatus> = [
  'closed',
  'cancelled',
];

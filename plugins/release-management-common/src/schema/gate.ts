import { z } from 'zod';
import { environmentSchema } from './deployment';
import { entityRefSchema } from './entityRef';
import { instantSchema } from './time';

/**
 * Body of `POST /gate`: may this version of this entity go to this
 * environment at this time (now when left out)?
 *
 * @public
 */
export const gateRequestSchema = z
  .object({
    entityRef: entityRefSchema,
    environment: environmentSchema,
    version: z.string().trim().min(1).max(100),
    at: instantSchema.optional(),
    /**
     * Deploy through a hard freeze. Only a release of an emergency model
     * whose policy allows freeze overrides can, and only for callers with
     * `release-management.deployment.override`; the justification is kept
     * as an audit finding.
     */
    override: z
      .object({ justification: z.string().trim().min(10).max(5000) })
      .strict()
      .optional(),
  })
  .strict();
/** @public */
export type GateRequest = z.input<typeof gateRequestSchema>;

/** @public */
export const gateDecisionSchema = z.enum(['allowed', 'prevented', 'awaiting']);
/** @public */
export type GateDecision = z.infer<typeof gateDecisionSchema>;

/** @public */
export const gateReasonKindSchema = z.enum([
  'not-production',
  'covered',
  'no-release',
  'not-approved',
  'wrong-version',
  'outside-window',
  'release-status',
  'hard-freeze',
  'soft-freeze',
  'freeze-overridden',
  'override-refused',
]);
/** @public */
export type GateReasonKind = z.infer<typeof gateReasonKindSchema>;

/** One reason behind a gate decision, in words. @public */
export const gateReasonSchema = z.object({
  kind: gateReasonKindSchema,
  message: z.string(),
  /** The release or freeze window the reason is about. */
  releaseId: z.string().optional(),
  freezeWindowId: z.string().optional(),
});
/** @public */
export type GateReason = z.infer<typeof gateReasonSchema>;

/** Response of `POST /gate`. @public */
export const gateResponseSchema = z.object({
  decision: gateDecisionSchema,
  reasons: z.array(gateReasonSchema),
  /** The release that covers the deployment, or the one awaiting approval. */
  release: z.string().optional(),
  entityRef: z.string(),
  environment: z.string(),
  version: z.string(),
  at: z.string(),
  /** True when a hard freeze was overridden with a justification. */
  overridden: z.boolean(),
});
/** @public */
export type GateResponse = z.infer<typeof gateResponseSchema>;

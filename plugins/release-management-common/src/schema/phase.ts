import { z } from 'zod';
import { instantSchema } from './time';
import { phaseStatusSchema } from './release';

/**
 * Body of `POST /releases/:id/phases/:ring`: move one ring of a phased or
 * feature-flag rollout. `revision` is the release revision the change was
 * made on; a stale one is refused with 409.
 *
 * @public
 */
export const phaseUpdateRequestSchema = z
  .object({
    status: phaseStatusSchema,
    revision: z.number().int().min(1),
    /** A new audience share for the ring, e.g. when a flag widens. */
    audiencePercent: z.number().min(0).max(100).optional(),
    /** When it happened; now when left out. */
    at: instantSchema.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
/** @public */
export type PhaseUpdateRequest = z.input<typeof phaseUpdateRequestSchema>;

/** The audience a release reaches from one moment on. @public */
export const exposurePointSchema = z.object({
  at: z.string(),
  /** Share of users who see the release from `at` on. */
  audiencePercent: z.number(),
  ring: z.string(),
  status: phaseStatusSchema,
});
/** @public */
export type ExposurePoint = z.infer<typeof exposurePointSchema>;

/** Response of `GET /releases/:id/exposure`. @public */
export const exposureResponseSchema = z.object({
  releaseId: z.string(),
  /** The audience now: the largest share of a ring in progress or completed. */
  currentPercent: z.number(),
  points: z.array(exposurePointSchema),
});
/** @public */
export type ExposureResponse = z.infer<typeof exposureResponseSchema>;

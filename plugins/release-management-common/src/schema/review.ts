import { z } from 'zod';

/**
 * Body of `POST /releases/:id/ratings`: how satisfied an owner of an
 * impacted entity is with the release. Rating again replaces the rating.
 *
 * @public
 */
export const rateReleaseRequestSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(5000).default(''),
  })
  .strict();
/** @public */
export type RateReleaseRequest = z.input<typeof rateReleaseRequestSchema>;

/** @public */
export const releaseRatingSchema = z.object({
  releaseId: z.string(),
  ratedBy: z.string(),
  rating: z.number().int(),
  comment: z.string(),
  ratedAt: z.string(),
});
/** @public */
export type ReleaseRating = z.infer<typeof releaseRatingSchema>;

/** Response of `GET /releases/:id/ratings`. @public */
export const releaseRatingsResponseSchema = z.object({
  items: z.array(releaseRatingSchema),
  /** Mean of the ratings; null with none. */
  mean: z.number().nullable(),
  count: z.number().int(),
});
/** @public */
export type ReleaseRatingsResponse = z.infer<
  typeof releaseRatingsResponseSchema
>;

/**
 * An owner of an entity a release touches: when they were told about it
 * and who of them acknowledged it.
 *
 * @public
 */
export const impactedOwnerSchema = z.object({
  ownerRef: z.string(),
  notifiedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
/** @public */
export type ImpactedOwner = z.infer<typeof impactedOwnerSchema>;

/** Response of `GET` and `POST /releases/:id/acknowledgements`. @public */
export const acknowledgementsResponseSchema = z.object({
  items: z.array(impactedOwnerSchema),
});
/** @public */
export type AcknowledgementsResponse = z.infer<
  typeof acknowledgementsResponseSchema
>;

import { z } from 'zod';

/**
 * Body of `GET /api/release-management/health`.
 *
 * @public
 */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
});

/** @public */
export type HealthResponse = z.infer<typeof healthResponseSchema>;

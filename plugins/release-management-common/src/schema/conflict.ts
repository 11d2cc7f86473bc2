import { z } from 'zod';
import { entityRefSchema } from './entityRef';
import { timeWindowSchema } from './time';

/** @public */
export const conflictKindSchema = z.enum([
  'same-entity',
  'dependency',
  'dependent',
  'api-provider',
  'api-consumer',
  'freeze',
  'outside-maintenance-window',
  'lead-time',
  'concurrency-limit',
]);
/** @public */
export type ConflictKind = z.infer<typeof conflictKindSchema>;

/**
 * A reason a planned window is a problem, with the other party and a
 * sentence a person understands.
 *
 * @public
 */
export const conflictSchema = z.object({
  kind: conflictKindSchema,
  severity: z.enum(['blocking', 'warning']),
  /** The entity of the planned scope concerned, if one is. */
  entityRef: z.string().optional(),
  /**
   * The other release or freeze window, if there is one. A release the
   * caller may not read is still reported, since its window is busy, but
   * as a `restricted-release`: its window and nothing else, like a private
   * event in a shared calendar.
   */
  other: z
    .discriminatedUnion('type', [
      z.object({
        type: z.enum(['release', 'freeze-window']),
        id: z.string(),
        title: z.string(),
        start: z.string().optional(),
        end: z.string().optional(),
      }),
      z.object({
        type: z.literal('restricted-release'),
        start: z.string(),
        end: z.string(),
      }),
    ])
    .optional(),
  /** Whether someone allowed to may go ahead with a justification. */
  overridable: z.boolean(),
  message: z.string(),
});
/** @public */
export type Conflict = z.infer<typeof conflictSchema>;

/** Body of `POST /conflicts/check`: a plan that need not be saved. @public */
export const conflictCheckRequestSchema = z
  .object({
    model: z.string().min(1).max(63),
    scope: z.array(entityRefSchema).min(1).max(500),
    window: timeWindowSchema,
    /** When re-planning a stored release: leave it out of the comparison. */
    releaseId: z.string().max(64).optional(),
  })
  .strict();
/** @public */
export type ConflictCheckRequest = z.input<typeof conflictCheckRequestSchema>;

/** @public */
export const conflictCheckResponseSchema = z.object({
  conflicts: z.array(conflictSchema),
  blocking: z.boolean(),
});
/** @public */
export type ConflictCheckResponse = z.infer<typeof conflictCheckResponseSchema>;

/** Body of `POST /conflicts/slots`. @public */
export const slotSearchRequestSchema = z
  .object({
    model: z.string().min(1).max(63),
    scope: z.array(entityRefSchema).min(1).max(500),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    timeZone: timeWindowSchema.shape.timeZone,
    /** Search from here; now by default. */
    from: z.iso.datetime({ offset: true }).optional(),
    days: z.number().int().min(1).max(365).default(90),
    count: z.number().int().min(1).max(50).default(10),
    releaseId: z.string().max(64).optional(),
  })
  .strict();
/** @public */
export type SlotSearchRequest = z.input<typeof slotSearchRequestSchema>;

/** @public */
export const slotSearchResponseSchema = z.object({
  slots: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      timeZone: z.string(),
      /** Warnings that remain in the slot (no blocking conflicts do). */
      warnings: z.array(conflictSchema),
    }),
  ),
});
/** @public */
export type SlotSearchResponse = z.infer<typeof slotSearchResponseSchema>;

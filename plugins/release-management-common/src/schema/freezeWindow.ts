import { z } from 'zod';
import { rangeInOrder } from './paging';
import { entityRefSchema } from './entityRef';
import { instantSchema, timeZoneSchema } from './time';

/**
 * What a freeze window covers. Domain and system scopes are inherited down
 * `partOf`: a domain freeze covers its systems and their components.
 *
 * @public
 */
export const freezeScopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }).strict(),
  z
    .object({
      type: z.literal('domains'),
      refs: z.array(entityRefSchema).min(1).max(100),
    })
    .strict(),
  z
    .object({
      type: z.literal('systems'),
      refs: z.array(entityRefSchema).min(1).max(100),
    })
    .strict(),
  z
    .object({
      type: z.literal('owners'),
      refs: z.array(entityRefSchema).min(1).max(100),
    })
    .strict(),
  z
    .object({
      type: z.literal('tags'),
      tags: z.array(z.string().min(1).max(63)).min(1).max(50),
    })
    .strict(),
  z
    .object({
      type: z.literal('entities'),
      refs: z.array(entityRefSchema).min(1).max(500),
    })
    .strict(),
]);
/** @public */
export type FreezeScope = z.infer<typeof freezeScopeSchema>;

/** @public */
export const freezeSeveritySchema = z.enum(['hard', 'soft']);
/** @public */
export type FreezeSeverity = z.infer<typeof freezeSeveritySchema>;

/**
 * The editable fields of a freeze window. `start`/`end` are the first (or
 * only) occurrence; with `rrule` (RFC 5545, without DTSTART) the window
 * repeats in `timeZone`, keeping its wall-clock times across DST changes.
 *
 * @public
 */
export const freezeWindowDefinitionSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    reason: z.string().max(5000).default(''),
    severity: freezeSeveritySchema,
    start: instantSchema,
    end: instantSchema,
    timeZone: timeZoneSchema,
    rrule: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .regex(
        /^(RRULE:)?FREQ=/i,
        'must be an RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=FR',
      )
      .optional(),
    scope: freezeScopeSchema,
  })
  .strict()
  .refine(w => Date.parse(w.start) < Date.parse(w.end), {
    message: 'end must be after start',
    path: ['end'],
  });
/** @public */
export type FreezeWindowDefinition = z.infer<
  typeof freezeWindowDefinitionSchema
>;

/** Body of `POST /freeze-windows`. @public */
export const createFreezeWindowRequestSchema = freezeWindowDefinitionSchema;
/** @public */
export type CreateFreezeWindowRequest = z.input<
  typeof createFreezeWindowRequestSchema
>;

/** Body of `PUT /freeze-windows/:id`. @public */
export const updateFreezeWindowRequestSchema = z
  .object({
    revision: z.number().int().min(1),
    window: freezeWindowDefinitionSchema,
  })
  .strict();
/** @public */
export type UpdateFreezeWindowRequest = z.input<
  typeof updateFreezeWindowRequestSchema
>;

/** A freeze window as the API returns it. @public */
export const freezeWindowSchema = z.object({
  id: z.string(),
  title: z.string(),
  reason: z.string(),
  severity: freezeSeveritySchema,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  rrule: z.string().optional(),
  scope: freezeScopeSchema,
  revision: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** @public */
export type FreezeWindow = z.infer<typeof freezeWindowSchema>;

/** One occurrence of a freeze window in a range. @public */
export const freezeOccurrenceSchema = z.object({
  freezeWindowId: z.string(),
  title: z.string(),
  severity: freezeSeveritySchema,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  scope: freezeScopeSchema,
});
/** @public */
export type FreezeOccurrence = z.infer<typeof freezeOccurrenceSchema>;

/** Query of `GET /freeze-windows/occurrences`. @public */
export const freezeOccurrencesQuerySchema = z
  .object({ from: instantSchema, to: instantSchema })
  .strict()
  .refine(...rangeInOrder)
  .refine(q => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    message: 'the range can span at most 400 days',
    path: ['to'],
  });

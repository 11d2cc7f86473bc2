import { z } from 'zod';
import { entityRefSchema } from './entityRef';
import { freezeOccurrenceSchema } from './freezeWindow';
import { releaseStatusSchema } from './releaseStatus';
import { instantSchema, timeWindowSchema } from './time';
import { snapshotInfoSchema } from './analysis';
import { calendarDeploymentSchema } from './deployment';

/** The longest range a calendar or feed covers. @public */
export const MAX_CALENDAR_DAYS = 731;

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(v => (v === undefined ? v : [v].flat()), z.array(item));

/**
 * Query of `GET /calendar`: a range and at most one of an entity (with its
 * neighbours), a system, a domain or an owner group; nothing means every
 * release the caller may read.
 *
 * @public
 */
export const calendarQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    entityRef: entityRefSchema.optional(),
    neighbours: z.enum(['none', 'direct', 'transitive']).default('direct'),
    system: entityRefSchema.optional(),
    domain: entityRefSchema.optional(),
    owner: entityRefSchema.optional(),
    status: listOf(releaseStatusSchema).optional(),
    model: listOf(z.string().min(1).max(63)).optional(),
  })
  .strict()
  .refine(q => Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine(
    q =>
      Date.parse(q.to) - Date.parse(q.from) <= MAX_CALENDAR_DAYS * 86_400_000,
    {
      message: `the range can span at most ${MAX_CALENDAR_DAYS} days`,
      path: ['to'],
    },
  )
  .refine(
    q => [q.entityRef, q.system, q.domain, q.owner].filter(Boolean).length <= 1,
    { message: 'give at most one of entityRef, system, domain, owner' },
  );
/** @public */
export type CalendarQuery = z.input<typeof calendarQuerySchema>;

/** Why a release is on a calendar. @public */
export const calendarReasonSchema = z.enum([
  'own',
  'dependency',
  'dependent',
  'member',
  'owned',
  'all',
]);

/** @public */
export const calendarReleaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  versionLabel: z.string(),
  status: releaseStatusSchema,
  model: z.string(),
  releaseManager: z.string(),
  plannedWindow: timeWindowSchema.nullable(),
  scope: z.array(z.string()),
  reason: calendarReasonSchema,
  /** The entity of the calendar's set that brought the release in. */
  via: z.string().optional(),
});
/** @public */
export type CalendarRelease = z.infer<typeof calendarReleaseSchema>;

/** @public */
export const calendarResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  releases: z.array(calendarReleaseSchema),
  /** More releases matched than one calendar shows (1000). */
  truncated: z.boolean(),
  /**
   * The planned windows of releases in the calendar's set that the caller
   * may not read: busy, like a private event in a shared calendar, with
   * no id, title, versions, manager or scope.
   */
  busy: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      reason: calendarReasonSchema,
    }),
  ),
  freezes: z.array(
    freezeOccurrenceSchema.extend({
      reason: z.enum(['all', 'direct', 'inherited', 'matches']),
      explanation: z.string(),
    }),
  ),
  maintenanceWindows: z.array(
    z.object({
      model: z.string(),
      title: z.string(),
      start: z.string(),
      end: z.string(),
      timeZone: z.string(),
    }),
  ),
  /**
   * Deployments of the calendar's entities started in the range, newest
   * first; empty for callers without `release-management.deployment.read`.
   */
  deployments: z.array(calendarDeploymentSchema),
  snapshot: snapshotInfoSchema,
});
/** @public */
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

/** What a calendar feed shows. @public */
export const feedScopeSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('entity'),
      entityRef: entityRefSchema,
      neighbours: z.enum(['none', 'direct', 'transitive']).default('direct'),
    })
    .strict(),
  z.object({ type: z.literal('system'), ref: entityRefSchema }).strict(),
  z.object({ type: z.literal('group'), ref: entityRefSchema }).strict(),
  z.object({ type: z.literal('all') }).strict(),
]);
/** @public */
export type FeedScope = z.infer<typeof feedScopeSchema>;

/** Body of `POST /feeds`. @public */
export const createFeedRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    scope: feedScopeSchema,
  })
  .strict();

/** A feed as listed; the token itself is shown once, at creation. @public */
export const calendarFeedSchema = z.object({
  id: z.string(),
  title: z.string(),
  scope: feedScopeSchema,
  createdAt: z.string(),
  /** After this the feed answers 404 until its owner renews it. */
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
/** @public */
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** A feed as an administrator lists it: with its owner. @public */
export const ownedFeedSchema = calendarFeedSchema.extend({
  owner: z.string(),
});
/** @public */
export type OwnedFeed = z.infer<typeof ownedFeedSchema>;

/** @public */
export const createdFeedSchema = calendarFeedSchema.extend({
  /** The subscription URL; keep it secret, it works without signing in. */
  url: z.string(),
});

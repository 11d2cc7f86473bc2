import { z } from 'zod';
import { pageOf, pageQueryFields, rangeInOrder } from './paging';
import { entityRefSchema, principalRefSchema } from './entityRef';
import { linkSchema } from './link';
import { releaseStatusSchema } from './releaseStatus';
import { verificationResultSchema } from './analysis';
import { instantSchema, timeWindowSchema } from './time';

/** One configuration item in a release and the version it releases. @public */
export const scopeItemSchema = z
  .object({
    entityRef: entityRefSchema,
    version: z.string().trim().min(1).max(100),
  })
  .strict();
/** @public */
export type ScopeItem = z.infer<typeof scopeItemSchema>;

const scopeSchema = z
  .array(scopeItemSchema)
  .max(500, 'a release can hold at most 500 entities')
  .refine(items => new Set(items.map(i => i.entityRef)).size === items.length, {
    message: 'lists the same entity more than once',
  });

/** @public */
export const phaseStatusSchema = z.enum([
  'pending',
  'in-progress',
  'completed',
  'halted',
]);

/** A ring of a phased rollout. @public */
export const releasePhaseSchema = z
  .object({
    ring: z.string().trim().min(1).max(100),
    audiencePercent: z.number().min(0).max(100),
    plannedStart: instantSchema.optional(),
    plannedEnd: instantSchema.optional(),
    actualStart: instantSchema.optional(),
    actualEnd: instantSchema.optional(),
    status: phaseStatusSchema.default('pending'),
  })
  .strict();
/** @public */
export type ReleasePhase = z.infer<typeof releasePhaseSchema>;

/** @public */
export const reviewOutcomeSchema = z.enum([
  'successful',
  'partially-successful',
  'failed',
  'rolled-back',
]);

/** Post-implementation review. @public */
export const releaseReviewSchema = z
  .object({
    outcome: reviewOutcomeSchema,
    incidentCount: z.number().int().min(0).max(10000).default(0),
    incidentLinks: z.array(linkSchema).max(100).default([]),
    lessons: z.string().max(20000).default(''),
  })
  .strict();
/** @public */
export type ReleaseReview = z.infer<typeof releaseReviewSchema>;

/**
 * Who may see a release. `normal`: whoever the read permission lets read
 * releases. `restricted`: an embargoed change, such as a security fix,
 * that a policy may keep to a few people with the `HAS_VISIBILITY` rule;
 * others see its window as busy and nothing else.
 *
 * @public
 */
export const releaseVisibilitySchema = z.enum(['normal', 'restricted']);
/** @public */
export type ReleaseVisibility = z.infer<typeof releaseVisibilitySchema>;

/** Body of `POST /releases`. @public */
export const createReleaseRequestSchema = z
  .object({
    model: z.string().min(1).max(63),
    title: z.string().trim().min(1).max(200),
    versionLabel: z.string().trim().min(1).max(100),
    notes: z.string().max(50000).default(''),
    releaseManager: principalRefSchema.optional(),
    scope: scopeSchema.default([]),
    plannedWindow: timeWindowSchema.optional(),
    phases: z.array(releasePhaseSchema).max(20).default([]),
    visibility: releaseVisibilitySchema.default('normal'),
  })
  .strict();
/** @public */
export type CreateReleaseRequest = z.input<typeof createReleaseRequestSchema>;

/**
 * Body of `PATCH /releases/:id`. `revision` is the revision the change was
 * made on; if the release moved on since, the change is refused with 409.
 *
 * @public
 */
export const patchReleaseRequestSchema = z
  .object({
    revision: z.number().int().min(1),
    title: z.string().trim().min(1).max(200).optional(),
    versionLabel: z.string().trim().min(1).max(100).optional(),
    notes: z.string().max(50000).optional(),
    releaseManager: principalRefSchema.optional(),
    scope: scopeSchema.optional(),
    plannedWindow: timeWindowSchema.nullable().optional(),
    actualStart: instantSchema.nullable().optional(),
    actualEnd: instantSchema.nullable().optional(),
    phases: z.array(releasePhaseSchema).max(20).optional(),
    review: releaseReviewSchema.nullable().optional(),
    visibility: releaseVisibilitySchema.optional(),
  })
  .strict();
/** @public */
export type PatchReleaseRequest = z.input<typeof patchReleaseRequestSchema>;

/** Body of `POST /releases/:id/transitions`. @public */
export const transitionRequestSchema = z
  .object({
    to: releaseStatusSchema,
    comment: z.string().max(5000).optional(),
    /** Go ahead despite failed gates; needs the override permission. */
    override: z
      .object({ justification: z.string().trim().min(10).max(5000) })
      .strict()
      .optional(),
    revision: z.number().int().min(1).optional(),
  })
  .strict();
/** @public */
export type TransitionRequest = z.input<typeof transitionRequestSchema>;

/** Body of `POST /releases/:id/approvals`. @public */
export const approvalRequestSchema = z
  .object({
    stage: z.string().min(1).max(63),
    gate: z.string().min(1).max(63),
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(5000).optional(),
    revision: z.number().int().min(1).optional(),
  })
  .strict();
/** @public */
export type ApprovalRequest = z.input<typeof approvalRequestSchema>;

/** Body of `PUT /releases/:id/checklist/:itemId`. @public */
export const checklistUpdateRequestSchema = z
  .object({
    done: z.boolean(),
    note: z.string().max(2000).optional(),
    revision: z.number().int().min(1).optional(),
  })
  .strict();
/** @public */
export type ChecklistUpdateRequest = z.input<
  typeof checklistUpdateRequestSchema
>;

/** @public */
export const approvalSchema = z.object({
  id: z.string(),
  stage: z.string(),
  gate: z.string(),
  approver: z.string(),
  decision: z.enum(['approve', 'reject']),
  comment: z.string().optional(),
  at: z.string(),
});
/** @public */
export type Approval = z.infer<typeof approvalSchema>;

/** @public */
export const checklistEntrySchema = z.object({
  stage: z.string(),
  itemId: z.string(),
  done: z.boolean(),
  by: z.string(),
  at: z.string(),
  note: z.string().optional(),
});
/** @public */
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

/** A gate that keeps a release from moving to a status, in words. @public */
export const gateFailureSchema = z.object({
  stage: z.string(),
  kind: z.enum(['checklist', 'approval', 'automatic-check', 'conflict']),
  id: z.string(),
  message: z.string(),
  /** False for a gate no override can skip (a hard freeze the model does not let it override). */
  overridable: z.boolean().optional(),
});
/** @public */
export type GateFailure = z.infer<typeof gateFailureSchema>;

/** What keeps a release from one of the statuses it may move to next. @public */
export const pendingGatesSchema = z.object({
  to: releaseStatusSchema,
  failures: z.array(gateFailureSchema),
});
/** @public */
export type PendingGates = z.infer<typeof pendingGatesSchema>;

/** A release as the API returns it. @public */
export const releaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  versionLabel: z.string(),
  notes: z.string(),
  releaseManager: z.string(),
  model: z.object({ name: z.string(), revision: z.number().int() }),
  status: releaseStatusSchema,
  visibility: releaseVisibilitySchema,
  /** The stage the release is in: the first whose gate it has not passed. */
  currentStage: z.string().nullable(),
  scope: z.array(
    scopeItemSchema.extend({
      owner: z.string().nullable(),
      system: z.string().nullable(),
    }),
  ),
  plannedWindow: timeWindowSchema.nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  phases: z.array(releasePhaseSchema),
  checklist: z.array(checklistEntrySchema),
  approvals: z.array(approvalSchema),
  review: releaseReviewSchema.nullable(),
  /** The latest component verification of the scope, if one was run. */
  verification: verificationResultSchema
    .extend({ checkedAt: z.string(), checkedBy: z.string() })
    .nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
/** @public */
export type Release = z.infer<typeof releaseSchema>;

/** Query of `GET /releases`. @public */
export const listReleasesQuerySchema = z
  .object({
    status: z
      .union([releaseStatusSchema, z.array(releaseStatusSchema)])
      .optional()
      .transform(s => (s === undefined ? undefined : [s].flat())),
    entityRef: entityRefSchema.optional(),
    model: z.string().max(63).optional(),
    /** Text in the title or version label. */
    search: z.string().trim().min(1).max(200).optional(),
    /** By planned start: `asc` (default) soonest first, `desc` latest first. */
    order: z.enum(['asc', 'desc']).default('asc'),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    ...pageQueryFields,
  })
  .strict()
  .refine(...rangeInOrder);
/** @public */
export type ListReleasesQuery = z.input<typeof listReleasesQuerySchema>;

/** A page of releases. @public */
export const releasePageSchema = pageOf(releaseSchema);
/** @public */
export type ReleasePage = z.infer<typeof releasePageSchema>;

/** One entry of a release's history. History is never rewritten. @public */
export const releaseHistoryEntrySchema = z.object({
  id: z.number().int(),
  releaseId: z.string(),
  revision: z.number().int(),
  actor: z.string(),
  at: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
});
/** @public */
export type ReleaseHistoryEntry = z.infer<typeof releaseHistoryEntrySchema>;

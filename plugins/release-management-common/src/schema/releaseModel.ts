import { z } from 'zod';
import { principalRefSchema } from './entityRef';
import { releaseStatusSchema } from './releaseStatus';

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case letters, digits and single dashes, e.g. minor-release',
  )
  .max(63);

/** @public */
export const releaseTypeSchema = z.enum([
  'major',
  'minor',
  'patch',
  'emergency',
  'standard',
]);
/** @public */
export type ReleaseType = z.infer<typeof releaseTypeSchema>;

/** @public */
export const rolloutStrategySchema = z.enum([
  'big-bang',
  'phased',
  'canary',
  'blue-green',
  'feature-flag',
]);
/** @public */
export type RolloutStrategy = z.infer<typeof rolloutStrategySchema>;

/**
 * Who must approve before a stage's gate opens: members of a group, the
 * release's own release manager, or an owner of an entity in its scope.
 *
 * @public
 */
export const approverSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('group'), group: principalRefSchema }).strict(),
  z.object({ type: z.literal('release-manager') }).strict(),
  z.object({ type: z.literal('scope-owners') }).strict(),
]);
/** @public */
export type Approver = z.infer<typeof approverSchema>;

/** @public */
export const approvalGateSchema = z
  .object({
    id: slug,
    title: z.string().min(1).max(200),
    /** How many distinct approvers must approve. */
    count: z.number().int().min(1).max(20).default(1),
    from: approverSchema,
  })
  .strict();
/** @public */
export type ApprovalGate = z.infer<typeof approvalGateSchema>;

/**
 * Checks the plugin evaluates by itself when a gate is tried.
 *
 * @public
 */
export const automaticCheckSchema = z.enum([
  'scope-not-empty',
  'planned-window-set',
  'notes-written',
  'review-recorded',
]);
/** @public */
export type AutomaticCheck = z.infer<typeof automaticCheckSchema>;

/** @public */
export const checklistItemSchema = z
  .object({
    id: slug,
    title: z.string().min(1).max(300),
    required: z.boolean().default(true),
  })
  .strict();
/** @public */
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/**
 * One stage of a release model. Its checklist, approvals and automatic
 * checks are the gate of the transition into `completesWith`.
 *
 * @public
 */
export const releaseStageSchema = z
  .object({
    key: slug,
    title: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    completesWith: releaseStatusSchema,
    checklist: z.array(checklistItemSchema).max(50).default([]),
    approvals: z.array(approvalGateSchema).max(10).default([]),
    automaticChecks: z.array(automaticCheckSchema).max(10).default([]),
  })
  .strict();
/** @public */
export type ReleaseStage = z.infer<typeof releaseStageSchema>;

/**
 * A recurring period in which releases of a model may run, as an RFC 5545
 * recurrence rule with a time zone and a duration.
 *
 * @public
 */
export const maintenanceWindowSchema = z
  .object({
    title: z.string().min(1).max(200),
    rrule: z.string().min(1).max(500),
    timeZone: z.string().min(1).max(64),
    /** Start time of day, `HH:mm`, in `timeZone`. */
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm'),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();
/** @public */
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

/** @public */
export const schedulingPolicySchema = z
  .object({
    minimumLeadTimeHours: z
      .number()
      .min(0)
      .max(24 * 365)
      .default(0),
    maintenanceWindows: z.array(maintenanceWindowSchema).max(20).default([]),
    freezeOverrideAllowed: z.boolean().default(false),
    maxConcurrentReleasesPerSystem: z.number().int().min(1).max(100).optional(),
  })
  .strict();
/** @public */
export type SchedulingPolicy = z.infer<typeof schedulingPolicySchema>;

/**
 * Which catalog entities a model is for. Every listed criterion must hold;
 * a list matches when the entity has any of its values.
 *
 * @public
 */
export const applicabilitySelectorSchema = z
  .object({
    kinds: z.array(z.string().min(1)).max(20).optional(),
    types: z.array(z.string().min(1)).max(50).optional(),
    lifecycles: z.array(z.string().min(1)).max(20).optional(),
    systems: z.array(z.string().min(1)).max(100).optional(),
    owners: z.array(z.string().min(1)).max(100).optional(),
    tags: z.array(z.string().min(1)).max(50).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .strict();
/** @public */
export type ApplicabilitySelector = z.infer<typeof applicabilitySelectorSchema>;

/** @public */
export const transitionRuleSchema = z
  .object({ from: releaseStatusSchema, to: releaseStatusSchema })
  .strict();
/** @public */
export type TransitionRule = z.infer<typeof transitionRuleSchema>;

const releaseModelFields = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    owner: principalRefSchema,
    releaseType: releaseTypeSchema,
    rolloutStrategy: rolloutStrategySchema,
    stages: z.array(releaseStageSchema).min(1).max(12),
    schedulingPolicy: schedulingPolicySchema.default({
      minimumLeadTimeHours: 0,
      maintenanceWindows: [],
      freezeOverrideAllowed: false,
    }),
    applicability: applicabilitySelectorSchema.default({}),
    /** Breaks ties between models whose selectors match equally well. */
    priority: z.number().int().min(0).max(1000).default(0),
    /** Transitions the model allows; the standard lifecycle when left out. */
    transitions: z.array(transitionRuleSchema).max(60).optional(),
  })
  .strict();

// Keys and ids must be unique: checklist items are addressed by id alone
// (`PUT /releases/:id/checklist/:itemId`), gates by stage and id.
function checkUniqueIds(
  model: { stages: ReleaseStage[] },
  ctx: z.RefinementCtx,
): void {
  const stageKeys = new Set<string>();
  const itemIds = new Set<string>();
  model.stages.forEach((stage, i) => {
    if (stageKeys.has(stage.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', i, 'key'],
        message: `stage key "${stage.key}" is used twice`,
      });
    }
    stageKeys.add(stage.key);
    stage.checklist.forEach((item, j) => {
      if (itemIds.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'checklist', j, 'id'],
          message: `checklist item id "${item.id}" is used twice in the model`,
        });
      }
      itemIds.add(item.id);
    });
    const gateIds = new Set<string>();
    stage.approvals.forEach((gate, j) => {
      if (gateIds.has(gate.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'approvals', j, 'id'],
          message: `approval gate id "${gate.id}" is used twice in stage "${stage.key}"`,
        });
      }
      gateIds.add(gate.id);
    });
  });
}

/**
 * The editable definition of a release model: everything a user writes.
 *
 * @public
 */
export const releaseModelDefinitionSchema =
  releaseModelFields.superRefine(checkUniqueIds);
/** @public */
export type ReleaseModelDefinition = z.infer<
  typeof releaseModelDefinitionSchema
>;
/** @public */
export type ReleaseModelDefinitionInput = z.input<
  typeof releaseModelDefinitionSchema
>;

/** @public */
export const releaseModelNameSchema = slug;

/** Body of `POST /models`. @public */
export const createReleaseModelRequestSchema = releaseModelFields
  .extend({ name: slug })
  .superRefine(checkUniqueIds);
/** @public */
export type CreateReleaseModelRequest = z.input<
  typeof createReleaseModelRequestSchema
>;

/** Body of `PUT /models/:name`: the new definition and the revision it replaces. @public */
export const updateReleaseModelRequestSchema = releaseModelFields
  .extend({ revision: z.number().int().min(1) })
  .superRefine(checkUniqueIds);
/** @public */
export type UpdateReleaseModelRequest = z.input<
  typeof updateReleaseModelRequestSchema
>;

/** @public */
export const releaseModelSourceSchema = z.enum(['api', 'config']);

/** A model as the API returns it. @public */
export const releaseModelSchema = releaseModelFields.extend({
  name: slug,
  revision: z.number().int(),
  source: releaseModelSourceSchema,
  /** Models declared in app-config cannot be changed through the API. */
  readOnly: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
/** @public */
export type ReleaseModel = z.infer<typeof releaseModelSchema>;

/** @public */
export const releaseModelRevisionSchema = z.object({
  name: slug,
  revision: z.number().int(),
  definition: releaseModelDefinitionSchema,
  createdAt: z.string(),
  createdBy: z.string(),
});
/** @public */
export type ReleaseModelRevision = z.infer<typeof releaseModelRevisionSchema>;

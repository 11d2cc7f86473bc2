import { z } from 'zod';
import { pageOf, pageQueryFields, rangeInOrder } from './paging';
import { entityRefSchema } from './entityRef';
import { linkSchema } from './link';
import { instantSchema } from './time';

/**
 * Where a deployment went, as the pipeline names it: `production`,
 * `staging`, `eu-west-prod`. Which names count as production is
 * configured (`releaseManagement.deployments.productionEnvironments`).
 *
 * @public
 */
export const environmentSchema = z
  .string()
  .trim()
  .min(1)
  .max(63)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'must be letters, digits, dots, dashes or underscores, e.g. production',
  );

/** What a pipeline reports about one deployment. @public */
export const deploymentStatusSchema = z.enum([
  'started',
  'succeeded',
  'failed',
  'rolled-back',
]);
/** @public */
export type DeploymentStatus = z.infer<typeof deploymentStatusSchema>;

/**
 * Body of `POST /deployments`. `externalId` is the pipeline's own id of the
 * run (e.g. `github:org/repo/run/123/attempt/1`): recording it again
 * updates the same deployment, so a retried step never duplicates one.
 *
 * @public
 */
export const recordDeploymentRequestSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    entityRef: entityRefSchema,
    environment: environmentSchema,
    version: z.string().trim().min(1).max(100),
    status: deploymentStatusSchema,
    /** Defaults to the time of the first record. */
    startedAt: instantSchema.optional(),
    /** Defaults to the time of the record that reports a final status. */
    finishedAt: instantSchema.optional(),
    pipelineUrl: linkSchema.optional(),
  })
  .strict()
  .refine(
    d =>
      !d.startedAt ||
      !d.finishedAt ||
      Date.parse(d.startedAt) <= Date.parse(d.finishedAt),
    {
      message: 'finishedAt must not be before startedAt',
      path: ['finishedAt'],
    },
  );
/** @public */
export type RecordDeploymentRequest = z.input<
  typeof recordDeploymentRequestSchema
>;

/** A deployment as the API returns it. @public */
export const deploymentSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  entityRef: z.string(),
  environment: z.string(),
  /** Whether the environment counts as production. */
  production: z.boolean(),
  version: z.string(),
  status: deploymentStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  pipelineUrl: z.string().nullable(),
  /** The release that covers it; null when none does. */
  releaseId: z.string().nullable(),
  recordedBy: z.string(),
  /** Bumped by every record of the same external id. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** @public */
export type Deployment = z.infer<typeof deploymentSchema>;

/** @public */
export const auditFindingKindSchema = z.enum([
  'deployment-without-release',
  'freeze-override',
]);
/** @public */
export type AuditFindingKind = z.infer<typeof auditFindingKindSchema>;

/**
 * Something an audit of the release practice should look at: a production
 * deployment no release covered, or a deployment let through a hard
 * freeze with a justification.
 *
 * @public
 */
export const auditFindingSchema = z.object({
  id: z.string(),
  kind: auditFindingKindSchema,
  entityRef: z.string(),
  environment: z.string(),
  deploymentId: z.string().nullable(),
  releaseId: z.string().nullable(),
  actor: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
/** @public */
export type AuditFinding = z.infer<typeof auditFindingSchema>;

/**
 * Response of `POST /deployments`: 201 with `created: true` the first
 * time an external id is seen, 200 after.
 *
 * @public
 */
export const recordDeploymentResponseSchema = z.object({
  deployment: deploymentSchema,
  created: z.boolean(),
  /** Set when this record made an audit finding. */
  finding: auditFindingSchema.optional(),
});
/** @public */
export type RecordDeploymentResponse = z.infer<
  typeof recordDeploymentResponseSchema
>;

/** Query of `GET /deployments`. @public */
export const listDeploymentsQuerySchema = z
  .object({
    entityRef: entityRefSchema.optional(),
    environment: environmentSchema.optional(),
    releaseId: z.string().min(1).max(64).optional(),
    /** Deployments started at or after this instant. */
    from: instantSchema.optional(),
    /** Deployments started before this instant. */
    to: instantSchema.optional(),
    ...pageQueryFields,
  })
  .strict()
  .refine(...rangeInOrder);
/** @public */
export type ListDeploymentsQuery = z.input<typeof listDeploymentsQuerySchema>;

/** A page of deployments, newest first. @public */
export const deploymentPageSchema = pageOf(deploymentSchema);
/** @public */
export type DeploymentPage = z.infer<typeof deploymentPageSchema>;

/** What a calendar shows of a deployment. @public */
export const calendarDeploymentSchema = deploymentSchema.pick({
  id: true,
  entityRef: true,
  environment: true,
  production: true,
  version: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  pipelineUrl: true,
  releaseId: true,
});
/** @public */
export type CalendarDeployment = z.infer<typeof calendarDeploymentSchema>;

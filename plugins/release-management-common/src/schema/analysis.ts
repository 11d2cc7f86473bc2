import { z } from 'zod';
import { entityRefSchema } from './entityRef';

/** How old the catalog snapshot behind an answer is. @public */
export const snapshotInfoSchema = z.object({
  builtAt: z.string(),
  ageSeconds: z.number(),
  entities: z.number().int(),
  edges: z.number().int(),
  catalogCalls: z.number().int(),
  truncated: z.boolean(),
  stale: z.boolean(),
  lastError: z.string().optional(),
});
/** @public */
export type SnapshotInfo = z.infer<typeof snapshotInfoSchema>;

// A query string gives one value or many; accept both as a list.
const refsSchema = z.preprocess(
  value => (value === undefined ? value : [value].flat()),
  z.array(entityRefSchema),
);

/**
 * What to analyse: entity refs, or the scope of a release.
 * `entityRef` may repeat in a query string.
 *
 * @public
 */
export const analysisTargetSchema = z
  .object({
    entityRef: refsSchema.optional(),
    releaseId: z.string().min(1).max(64).optional(),
  })
  .refine(t => Boolean(t.entityRef?.length) !== Boolean(t.releaseId), {
    message: 'give either entityRef (one or more) or releaseId',
  });

/** Query of `GET /analysis/impact`. @public */
export const impactQuerySchema = z
  .object({
    entityRef: refsSchema.optional(),
    releaseId: z.string().min(1).max(64).optional(),
    maxDepth: z.coerce.number().int().min(1).max(10).default(6),
    maxEntities: z.coerce.number().int().min(1).max(20000).default(2000),
  })
  .strict()
  .refine(t => Boolean(t.entityRef?.length) !== Boolean(t.releaseId), {
    message: 'give either entityRef (one or more) or releaseId',
  })
  .refine(t => (t.entityRef?.length ?? 0) <= 500, {
    message: 'at most 500 entity refs',
    path: ['entityRef'],
  });

/** Query of `GET /analysis/order`. @public */
export const orderQuerySchema = z
  .object({
    entityRef: refsSchema.optional(),
    releaseId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine(t => Boolean(t.entityRef?.length) !== Boolean(t.releaseId), {
    message: 'give either entityRef (one or more) or releaseId',
  })
  .refine(t => (t.entityRef?.length ?? 0) <= 10000, {
    message: 'at most 10000 entity refs',
    path: ['entityRef'],
  });

/** Query of `GET /analysis/verification`. @public */
export const verificationQuerySchema = z
  .object({
    entityRef: refsSchema,
    model: z.string().min(1).max(63).optional(),
  })
  .strict()
  .refine(t => t.entityRef.length <= 500, {
    message: 'at most 500 entity refs',
    path: ['entityRef'],
  });

/** Body of `POST /analysis/applicable-models` (bulk). @public */
export const applicableModelsRequestSchema = z
  .object({
    entityRefs: z.array(entityRefSchema).min(1).max(10000),
  })
  .strict();

/** Query of `GET /analysis/explorer`. @public */
export const explorerQuerySchema = z
  .object({
    system: entityRefSchema.optional(),
    domain: entityRefSchema.optional(),
  })
  .strict()
  .refine(q => Boolean(q.system) !== Boolean(q.domain), {
    message: 'give either system or domain',
  });

/** @public */
export const impactedEntitySchema = z.object({
  entityRef: z.string(),
  kind: z.string(),
  depth: z.number().int(),
  via: z.string(),
  path: z.array(z.string()),
  owner: z.string().optional(),
  system: z.string().optional(),
});

/** @public */
export const impactResponseSchema = z.object({
  roots: z.array(z.string()),
  entities: z.array(impactedEntitySchema),
  owners: z.array(z.object({ ref: z.string(), entities: z.number().int() })),
  systems: z.array(z.object({ ref: z.string(), entities: z.number().int() })),
  cutOff: z.boolean(),
  cutOffReason: z.string().optional(),
  snapshot: snapshotInfoSchema,
});
/** @public */
export type ImpactResponse = z.infer<typeof impactResponseSchema>;

/** @public */
export const releaseOrderResponseSchema = z.object({
  steps: z.array(
    z.object({ entityRefs: z.array(z.string()), cycle: z.boolean() }),
  ),
  snapshot: snapshotInfoSchema,
});
/** @public */
export type ReleaseOrderResponse = z.infer<typeof releaseOrderResponseSchema>;

/** @public */
export const applicableModelSchema = z.object({
  entityRef: z.string(),
  model: z.string().nullable(),
  source: z.enum(['annotation', 'selector', 'none']),
  matchedCriteria: z.array(z.string()),
  reason: z.string(),
});
/** @public */
export type ApplicableModel = z.infer<typeof applicableModelSchema>;

/** @public */
export const applicableModelsResponseSchema = z.object({
  items: z.array(applicableModelSchema),
  /** How many of the entities each model applies to; `null` for none. */
  summary: z.array(
    z.object({ model: z.string().nullable(), entities: z.number().int() }),
  ),
  snapshot: snapshotInfoSchema,
});

/** @public */
export const checkStatusSchema = z.enum(['pass', 'warn', 'fail']);

/** @public */
export const verificationResultSchema = z.object({
  status: checkStatusSchema,
  entities: z.array(
    z.object({
      entityRef: z.string(),
      status: checkStatusSchema,
      checks: z.array(
        z.object({
          id: z.string(),
          status: checkStatusSchema,
          message: z.string(),
        }),
      ),
    }),
  ),
});
/** @public */
export type VerificationResult = z.infer<typeof verificationResultSchema>;

/** @public */
export const explorerResponseSchema = z.object({
  root: z.string(),
  entities: z.array(
    z.object({
      entityRef: z.string(),
      kind: z.string(),
      title: z.string().optional(),
      owner: z.string().optional(),
      lifecycle: z.string().optional(),
      model: z.string().nullable(),
    }),
  ),
  edges: z.array(
    z.object({ from: z.string(), to: z.string(), relation: z.string() }),
  ),
  cycles: z.array(z.array(z.string())),
  hubs: z.array(z.object({ entityRef: z.string(), dependents: z.number() })),
  withoutOwner: z.array(z.string()),
  withoutModel: z.array(z.string()),
  snapshot: snapshotInfoSchema,
});
/** @public */
export type ExplorerResponse = z.infer<typeof explorerResponseSchema>;

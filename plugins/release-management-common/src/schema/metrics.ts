import { z } from 'zod';
import { instantSchema } from './time';

/** How metrics are split: by catalog system, domain, owner group, model or calendar month. @public */
export const metricsGroupBySchema = z.enum([
  'system',
  'domain',
  'owner',
  'model',
  'month',
]);
/** @public */
export type MetricsGroupBy = z.infer<typeof metricsGroupBySchema>;

/** The longest period metrics are computed for. @public */
export const MAX_METRICS_PERIOD_DAYS = 1096;

/**
 * Query of `GET /metrics`: the period [from, to) and an optional grouping.
 * Without `from` and `to` the period is the 90 days up to now.
 *
 * @public
 */
export const metricsQuerySchema = z
  .object({
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    groupBy: metricsGroupBySchema.optional(),
  })
  .strict()
  .refine(q => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine(
    q =>
      !q.from ||
      !q.to ||
      Date.parse(q.to) - Date.parse(q.from) <=
        MAX_METRICS_PERIOD_DAYS * 86_400_000,
    {
      message: `a metrics period can last at most ${MAX_METRICS_PERIOD_DAYS} days`,
      path: ['to'],
    },
  );
/** @public */
export type MetricsQuery = z.input<typeof metricsQuerySchema>;

/**
 * The figures the metrics endpoint computes: the ITIL key metrics of
 * release management and the four DORA figures.
 *
 * @public
 */
export const METRIC_KEYS = [
  'successfulReleaseRate',
  'releaseIncidentRate',
  'releaseIncidents',
  'scheduleAdherence',
  'meanSlipMinutes',
  'closedPerWeek',
  'openBacklog',
  'meanBacklogAgeDays',
  'modelAdoption',
  'recentReleaseAdoption',
  'gateOverrides',
  'freezeOverrides',
  'deploymentsWithoutRelease',
  'satisfaction',
  'ownerAlignment',
  'deploymentFrequency',
  'leadTimeHours',
  'changeFailureRate',
  'timeToRestoreHours',
] as const;
/** @public */
export const metricKeySchema = z.enum(METRIC_KEYS);
/** @public */
export type MetricKey = z.infer<typeof metricKeySchema>;

/** @public */
export const metricUnitSchema = z.enum([
  'ratio',
  'count',
  'minutes',
  'hours',
  'days',
  'per-week',
  'per-day',
  'rating',
]);
/** @public */
export type MetricUnit = z.infer<typeof metricUnitSchema>;

/** What a figure means, once per response. @public */
export const metricDefinitionSchema = z.object({
  key: metricKeySchema,
  label: z.string(),
  /** The ITIL key metric or DORA figure it belongs to. */
  family: z.string(),
  unit: metricUnitSchema,
  /** Exactly how it is computed. */
  definition: z.string(),
});
/** @public */
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;

/**
 * One figure. `value` is null when it cannot be computed, such as a rate
 * with nothing to divide by; `numerator` and `denominator` say what a
 * ratio or mean was made of (for a mean, the sum and the count).
 *
 * @public
 */
export const metricValueSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});
/** @public */
export type MetricValue = z.infer<typeof metricValueSchema>;

/** @public */
export const metricSetSchema = z.record(metricKeySchema, metricValueSchema);
/** @public */
export type MetricSet = Record<MetricKey, MetricValue>;

/** Response of `GET /metrics`. @public */
export const metricsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: metricsGroupBySchema.nullable(),
  generatedAt: z.string(),
  definitions: z.array(metricDefinitionSchema),
  totals: metricSetSchema,
  /** One entry per system, domain, owner, model or month with any data. */
  groups: z.array(
    z.object({
      key: z.string(),
      /** For a model, the model's name; for a month, `2030-01`. */
      label: z.string(),
      metrics: metricSetSchema,
    }),
  ),
});
/** @public */
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;

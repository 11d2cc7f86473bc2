import {
  METRIC_KEYS,
  type MetricDefinition,
  type MetricSet,
  type MetricsResponse,
} from '@release-management/plugin-release-management-common';

const UNITS: Partial<Record<string, MetricDefinition['unit']>> = {
  releaseIncidents: 'count',
  openBacklog: 'count',
  gateOverrides: 'count',
  freezeOverrides: 'count',
  deploymentsWithoutRelease: 'count',
  meanSlipMinutes: 'minutes',
  closedPerWeek: 'per-week',
  meanBacklogAgeDays: 'days',
  satisfaction: 'rating',
  deploymentFrequency: 'per-day',
  leadTimeHours: 'hours',
  timeToRestoreHours: 'hours',
};

const LABELS: Record<string, string> = {
  successfulReleaseRate: 'Successful release rate',
  changeFailureRate: 'Change failure rate',
  leadTimeHours: 'Lead time',
  satisfaction: 'Satisfaction',
};

/** Every figure null, then the given ones. */
export function aMetricSet(values: Partial<Record<string, number>> = {}) {
  return Object.fromEntries(
    METRIC_KEYS.map(key => [
      key,
      { value: values[key] === undefined ? null : values[key]! },
    ]),
  ) as MetricSet;
}

/** A metrics answer with definitions for every figure. */
export function aMetricsResponse(
  overrides: Partial<MetricsResponse> = {},
): MetricsResponse {
  return {
    from: '2030-01-01T00:00:00.000Z',
    to: '2030-04-01T00:00:00.000Z',
    groupBy: null,
    generatedAt: '2030-04-01T00:00:00.000Z',
    definitions: METRIC_KEYS.map(key => ({
      key,
      label: LABELS[key] ?? key,
      family: key.startsWith('dep') ? 'DORA' : 'ITIL',
      unit: UNITS[key] ?? 'ratio',
      definition: `Definition of ${key}`,
    })),
    totals: aMetricSet({ successfulReleaseRate: 0.75, leadTimeHours: 30 }),
    groups: [],
    ...overrides,
  };
}

import type {
  MetricDefinition,
  MetricKey,
} from '@release-management/plugin-release-management-common';

/**
 * What every figure means, exactly as it is computed. The same text is in
 * the README and in every metrics response, so a number on a dashboard can
 * always be traced to its rule. The period is half-open, [from, to).
 */
export const METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'successfulReleaseRate',
    label: 'Successful release rate',
    family: 'Successful release rate',
    unit: 'ratio',
    definition:
      'Releases whose actual end falls in the period (they were deployed, failed or rolled back) that succeeded, divided by all of them. A release succeeded when its review outcome is "successful", or, not reviewed yet, when its status is deployed, verified or closed. Null when no release ended in the period.',
  },
  {
    key: 'releaseIncidentRate',
    label: 'Incidents related to releases',
    family: 'Incidents related to releases (%)',
    unit: 'ratio',
    definition:
      'Of the releases that ended in the period and have a review, the share whose review relates at least one incident. Null when none has a review.',
  },
  {
    key: 'releaseIncidents',
    label: 'Related incidents',
    family: 'Incidents related to releases (%)',
    unit: 'count',
    definition:
      'The sum of the incident counts in the reviews of the releases that ended in the period.',
  },
  {
    key: 'scheduleAdherence',
    label: 'Schedule adherence',
    family: 'Adherence to release schedule',
    unit: 'ratio',
    definition:
      'Of the releases that ended in the period with a planned window and an actual start, the share that started no earlier than the planned start and ended no later than the planned end. Null when there are none.',
  },
  {
    key: 'meanSlipMinutes',
    label: 'Mean slip',
    family: 'Adherence to release schedule',
    unit: 'minutes',
    definition:
      'Over the same releases as schedule adherence, the mean of how many minutes the actual end came after the planned end; a release that ended on time or early counts as 0. Null when there are none.',
  },
  {
    key: 'closedPerWeek',
    label: 'Closed per week',
    family: 'Release backlog throughput',
    unit: 'per-week',
    definition:
      'Releases moved to closed in the period, divided by the length of the period in weeks (for a month group, the part of the period in that month).',
  },
  {
    key: 'openBacklog',
    label: 'Open backlog',
    family: 'Release backlog throughput',
    unit: 'count',
    definition:
      'Releases created before the end of the period (or now, if earlier) that had not reached closed or cancelled by then. Counted at one instant, so not split by month.',
  },
  {
    key: 'meanBacklogAgeDays',
    label: 'Mean backlog age',
    family: 'Release backlog throughput',
    unit: 'days',
    definition:
      'The mean number of days the releases of the open backlog had existed at the end of the period (or now, if earlier). Null with an empty backlog.',
  },
  {
    key: 'modelAdoption',
    label: 'Components with a model',
    family: 'Adoption of release management approach',
    unit: 'ratio',
    definition:
      'Components in the catalog snapshot for which a release model applies (by annotation or selector), divided by all components; per model, the components that model applies to. Taken now from the catalog, so not split by month. Null without components or catalog snapshot.',
  },
  {
    key: 'recentReleaseAdoption',
    label: 'Components released in 90 days',
    family: 'Adoption of release management approach',
    unit: 'ratio',
    definition:
      'Components in the catalog snapshot that are in the scope of a release, other than a draft or a cancelled one, planned to start in the 90 days before the end of the period (or now, if earlier), divided by all components; per model, of the components that model applies to. Not split by month. Null without components or catalog snapshot.',
  },
  {
    key: 'gateOverrides',
    label: 'Gate overrides',
    family: 'Audit/compliance issues',
    unit: 'count',
    definition:
      'Status transitions made in the period that went past failed gates with a justification (skipped gates), from the release history.',
  },
  {
    key: 'freezeOverrides',
    label: 'Freeze overrides',
    family: 'Audit/compliance issues',
    unit: 'count',
    definition:
      'Audit findings recorded in the period for deployments let through a hard freeze under an emergency release.',
  },
  {
    key: 'deploymentsWithoutRelease',
    label: 'Deployments without a release',
    family: 'Audit/compliance issues',
    unit: 'count',
    definition:
      'Audit findings recorded in the period for production deployments that no release covered.',
  },
  {
    key: 'satisfaction',
    label: 'Satisfaction',
    family: 'Satisfaction with releases',
    unit: 'rating',
    definition:
      'The mean of the satisfaction ratings (1 to 5) given or last changed in the period by owners of impacted entities; the denominator is the number of ratings. Null without ratings.',
  },
  {
    key: 'ownerAlignment',
    label: 'Owner alignment',
    family: 'Partner and consumer alignment',
    unit: 'ratio',
    definition:
      'Of the owners of impacted entities first told about a release in the period (one per release and owner), the share that acknowledged it. Per owner, that owner alone. Null when nobody was told.',
  },
  {
    key: 'deploymentFrequency',
    label: 'Deployment frequency',
    family: 'DORA',
    unit: 'per-day',
    definition:
      'Succeeded production deployments started in the period, divided by the length of the period in days (for a month group, the part of the period in that month).',
  },
  {
    key: 'leadTimeHours',
    label: 'Lead time',
    family: 'DORA',
    unit: 'hours',
    definition:
      'Over the releases first moved to deployed in the period, the mean number of hours from the creation of the release to that move. Null when none was deployed.',
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    family: 'DORA',
    unit: 'ratio',
    definition:
      'Production deployments started in the period that failed or were rolled back, divided by those started in the period that finished (succeeded, failed or rolled back). Null when none finished.',
  },
  {
    key: 'timeToRestoreHours',
    label: 'Time to restore',
    family: 'DORA',
    unit: 'hours',
    definition:
      'For each production deployment started in the period that failed or was rolled back, the hours until the start of the next succeeded production deployment of the same entity; the mean over those restored so far. Null when none was restored.',
  },
];

/** The definition of one figure. */
export function definitionOf(key: MetricKey): MetricDefinition {
  return METRIC_DEFINITIONS.find(d => d.key === key)!;
}

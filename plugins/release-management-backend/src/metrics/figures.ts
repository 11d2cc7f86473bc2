import {
  METRIC_KEYS,
  type MetricSet,
  type MetricValue,
} from '@release-management/plugin-release-management-common';
import type {
  EntityAggregates,
  ReleaseAggregates,
} from '../database/MetricsStore';

/** Sums of entity aggregates over the entities of one group. */
export type EntitySums = Omit<EntityAggregates, 'entityRef' | 'key'>;

/** Components of the catalog, and those adopting the practice. */
export type AdoptionCounts = {
  components: number;
  withModel: number;
  releasedRecently: number;
  /** What `releasedRecently` is a share of, when not all components. */
  recentBase?: number;
};

const DAY_MS = 86_400_000;

// Averages of julianday differences carry float noise (59.99999 minutes);
// four decimals are more than any figure needs.
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** A share; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): MetricValue {
  return {
    value: denominator > 0 ? round(numerator / denominator) : null,
    numerator: round(numerator),
    denominator: round(denominator),
  };
}

/** A count as a figure. */
export function count(n: number): MetricValue {
  return { value: n };
}

/** Days of [from, to) that fall in a calendar month (`2030-01`, UTC). */
export function daysOfMonthInPeriod(
  month: string,
  from: Date,
  to: Date,
): number {
  const [year, m] = month.split('-').map(Number);
  const start = Date.UTC(year, m - 1, 1);
  const end = Date.UTC(year, m, 1);
  const overlap = Math.min(end, to.getTime()) - Math.max(start, from.getTime());
  return Math.max(0, overlap) / DAY_MS;
}

/** Every figure null: the shape of a group with no data for it. */
export function emptyMetricSet(): MetricSet {
  return Object.fromEntries(
    METRIC_KEYS.map(key => [key, { value: null }]),
  ) as MetricSet;
}

/**
 * The figures of one group from its aggregates, following
 * `METRIC_DEFINITIONS`. Missing aggregates count as zero; a figure that
 * does not apply to the group (`pointInTime: false` for months) is null.
 */
export function buildMetricSet(input: {
  releases: Partial<ReleaseAggregates>;
  entities: EntitySums;
  adoption?: AdoptionCounts;
  /** Days of the period the group covers, for per-day and per-week rates. */
  days: number;
  /** Whether point-in-time figures (backlog, adoption) apply. */
  pointInTime: boolean;
}): MetricSet {
  const r = (key: keyof ReleaseAggregates) => input.releases[key] ?? 0;
  const e = input.entities;
  const set = emptyMetricSet();

  set.successfulReleaseRate = ratio(r('successful'), r('ended'));
  set.releaseIncidentRate = ratio(r('reviewedWithIncidents'), r('reviewed'));
  set.releaseIncidents = count(r('incidents'));
  set.scheduleAdherence = ratio(r('onSchedule'), r('windowed'));
  set.meanSlipMinutes = ratio(r('slipMinutes'), r('windowed'));
  set.closedPerWeek = ratio(r('closed'), input.days / 7);
  if (input.pointInTime) {
    set.openBacklog = count(r('openBacklog'));
    set.meanBacklogAgeDays = ratio(r('backlogAgeDays'), r('openBacklog'));
    if (input.adoption) {
      const a = input.adoption;
      set.modelAdoption = ratio(a.withModel, a.components);
      set.recentReleaseAdoption = ratio(
        a.releasedRecently,
        a.recentBase ?? a.components,
      );
    }
  }
  set.gateOverrides = count(r('gateOverrides'));
  set.freezeOverrides = count(e.freezeOverrides);
  set.deploymentsWithoutRelease = count(e.deploymentsWithoutRelease);
  set.satisfaction = ratio(r('ratingSum'), r('ratings'));
  set.ownerAlignment = ratio(r('acknowledgedOwners'), r('notifiedOwners'));
  set.deploymentFrequency = ratio(e.succeededDeployments, input.days);
  set.leadTimeHours = ratio(r('leadTimeHours'), r('deployed'));
  set.changeFailureRate = ratio(e.failedDeployments, e.finishedDeployments);
  set.timeToRestoreHours = ratio(e.restoreHours, e.restored);
  return set;
}

/** Entity aggregates summed per group key. */
export function sumEntities(
  rows: Array<EntityAggregates & { group: string }>,
): Map<string, EntitySums> {
  const sums = new Map<string, EntitySums>();
  for (const { entityRef, key, group, ...values } of rows) {
    const sum = sums.get(group) ?? emptyEntitySums();
    for (const [name, value] of Object.entries(values)) {
      (sum as Record<string, number>)[name] += value;
    }
    sums.set(group, sum);
  }
  return sums;
}

export function emptyEntitySums(): EntitySums {
  return {
    succeededDeployments: 0,
    finishedDeployments: 0,
    failedDeployments: 0,
    restored: 0,
    restoreHours: 0,
    freezeOverrides: 0,
    deploymentsWithoutRelease: 0,
  };
}

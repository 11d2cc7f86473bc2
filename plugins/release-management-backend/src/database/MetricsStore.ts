/** A half-open period [from, to) of stored instants. */
export type MetricsPeriod = { from: string; to: string };

/**
 * How release-based figures are split. A release counts once in each
 * system, owner or domain its scope touches; `domain` needs the domain of
 * each system, which only the catalog knows.
 */
export type ReleaseGrouping =
  | { by: 'all' | 'system' | 'owner' | 'model' | 'month' }
  | { by: 'domain'; domainOfSystem: Map<string, string> };

/**
 * Sums and counts of releases in one group, from which the figures are
 * made; each is documented with the figure it feeds (see
 * `metrics/definitions.ts`).
 */
export type ReleaseAggregates = {
  /** Releases whose actual end is in the period. */
  ended: number;
  successful: number;
  reviewed: number;
  reviewedWithIncidents: number;
  incidents: number;
  /** Ended releases with a planned window and an actual start. */
  windowed: number;
  onSchedule: number;
  slipMinutes: number;
  /** Releases moved to closed in the period. */
  closed: number;
  /** Releases first deployed in the period, and their lead times. */
  deployed: number;
  leadTimeHours: number;
  /** Transitions in the period that overrode failed gates. */
  gateOverrides: number;
  ratings: number;
  ratingSum: number;
  /** Owners told about a release in the period, and who acknowledged. */
  notifiedOwners: number;
  acknowledgedOwners: number;
  /** Releases open at the end of the period, and their summed age. */
  openBacklog: number;
  backlogAgeDays: number;
};

/**
 * Counts over deployments and audit findings of one entity in one group
 * (a model or a month, or everything). Each entity belongs to one system,
 * owner and domain, so these sums roll up to those without counting twice.
 */
export type EntityAggregates = {
  entityRef: string;
  key: string;
  succeededDeployments: number;
  finishedDeployments: number;
  failedDeployments: number;
  restored: number;
  restoreHours: number;
  freezeOverrides: number;
  deploymentsWithoutRelease: number;
};

/** Grouping of entity-based figures: by model of the linked release, by month, or none. */
export type EntityGrouping = 'all' | 'model' | 'month';

/** The group of a release or deployment with no model, system or owner. */
export const NO_GROUP = '(none)';

/** Aggregate queries of the metrics; every figure is summed in SQL. */
export interface MetricsStore {
  releaseAggregates(
    period: MetricsPeriod,
    grouping: ReleaseGrouping,
    /** The instant the open backlog is counted at. */
    asOf: string,
  ): Promise<Map<string, Partial<ReleaseAggregates>>>;
  entityAggregates(
    period: MetricsPeriod,
    grouping: EntityGrouping,
  ): Promise<EntityAggregates[]>;
  /**
   * Entities in the scope of a release that is neither a draft nor
   * cancelled and whose planned start is in the period.
   */
  entitiesReleased(period: MetricsPeriod): Promise<string[]>;
}

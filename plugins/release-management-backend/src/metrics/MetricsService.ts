import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  type MetricsGroupBy,
  type MetricsResponse,
  MAX_METRICS_PERIOD_DAYS,
  type metricsQuerySchema,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type { AnalysisService } from '../analysis/AnalysisService';
import type { CatalogGraph } from '../analysis/CatalogGraph';
import type { CatalogSnapshotService } from '../analysis/CatalogSnapshotService';
import {
  NO_GROUP,
  type MetricsStore,
  type ReleaseGrouping,
} from '../database/MetricsStore';
import type { Clock } from '../service/Clock';
import { METRIC_DEFINITIONS } from './definitions';
import {
  buildMetricSet,
  daysOfMonthInPeriod,
  emptyEntitySums,
  sumEntities,
  type AdoptionCounts,
} from './figures';

const DAY_MS = 86_400_000;
/** Without a period, metrics cover the 90 days up to now. */
const DEFAULT_PERIOD_DAYS = 90;
/** "A release in the last 90 days" of the adoption figure. */
const ADOPTION_WINDOW_DAYS = 90;

type CatalogView = {
  graph: CatalogGraph;
  components: Array<{ ref: string; model: string | null }>;
};

/**
 * The release management metrics for a period, in total and per group:
 * the store sums releases, deployments and findings in SQL; the catalog
 * snapshot places entities in systems, domains and owners and says which
 * components have a model.
 */
export class MetricsService {
  constructor(
    private readonly deps: {
      store: MetricsStore;
      snapshots: CatalogSnapshotService;
      analysis: AnalysisService;
      clock: Clock;
      logger: LoggerService;
    },
  ) {}

  async metrics(
    query: z.output<typeof metricsQuerySchema>,
  ): Promise<MetricsResponse> {
    const now = this.deps.clock.now();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) {
      throw new InputError(
        `from (${from.toISOString()}) must be before to (${to.toISOString()})`,
      );
    }
    // The schema checks the length only when both ends are given; a lone
    // `from` runs to now and may lie years back.
    if (to.getTime() - from.getTime() > MAX_METRICS_PERIOD_DAYS * DAY_MS) {
      throw new InputError(
        `a metrics period can last at most ${MAX_METRICS_PERIOD_DAYS} days; from (${from.toISOString()}) to (${to.toISOString()}) is longer`,
      );
    }
    const asOf = new Date(Math.min(to.getTime(), now.getTime()));
    const period = { from: from.toISOString(), to: to.toISOString() };
    const days = (to.getTime() - from.getTime()) / DAY_MS;
    const groupBy = query.groupBy ?? null;
    const catalog = await this.catalogView();
    const released = new Set(
      (
        await this.deps.store.entitiesReleased({
          from: new Date(
            asOf.getTime() - ADOPTION_WINDOW_DAYS * DAY_MS,
          ).toISOString(),
          to: asOf.toISOString(),
        })
      ).map(ref => ref.toLocaleLowerCase('en-US')),
    );
    const adoption = (
      groupOf: (c: CatalogView['components'][number]) => string,
    ) =>
      catalog
        ? countAdoption(catalog.components, released, groupOf)
        : undefined;

    const [totalReleases, totalEntities] = await Promise.all([
      this.deps.store.releaseAggregates(
        period,
        { by: 'all' },
        asOf.toISOString(),
      ),
      this.deps.store.entityAggregates(period, 'all'),
    ]);
    const totals = buildMetricSet({
      releases: totalReleases.get('all') ?? {},
      entities:
        sumEntities(totalEntities.map(row => ({ ...row, group: 'all' }))).get(
          'all',
        ) ?? emptyEntitySums(),
      adoption: adoption(() => 'all')?.get('all'),
      days,
      pointInTime: true,
    });

    const response: MetricsResponse = {
      from: period.from,
      to: period.to,
      groupBy,
      generatedAt: now.toISOString(),
      definitions: METRIC_DEFINITIONS,
      totals,
      groups: [],
    };
    if (!groupBy) return response;

    const entityGroup = (ref: string) =>
      groupOfEntity(catalog?.graph, ref, groupBy);
    const [releaseGroups, entityRows] = await Promise.all([
      this.deps.store.releaseAggregates(
        period,
        this.releaseGrouping(groupBy, catalog?.graph),
        asOf.toISOString(),
      ),
      this.deps.store.entityAggregates(
        period,
        groupBy === 'model' || groupBy === 'month' ? groupBy : 'all',
      ),
    ]);
    const entityGroups = sumEntities(
      entityRows.map(row => ({
        ...row,
        group:
          groupBy === 'model' || groupBy === 'month'
            ? row.key
            : entityGroup(row.entityRef),
      })),
    );
    const adoptionGroups =
      groupBy === 'month'
        ? undefined
        : adoption(c =>
            groupBy === 'model' ? c.model ?? NO_GROUP : entityGroup(c.ref),
          );
    const allComponents = catalog?.components.length ?? 0;

    const keys = new Set([
      ...releaseGroups.keys(),
      ...entityGroups.keys(),
      ...(adoptionGroups?.keys() ?? []),
    ]);
    response.groups = [...keys].sort().map(key => {
      let groupAdoption = adoptionGroups?.get(key);
      if (groupAdoption && groupBy === 'model') {
        // Per model: how much of the catalog the model covers, and how
        // much of what it covers was released recently.
        groupAdoption = {
          components: allComponents,
          withModel: key === NO_GROUP ? 0 : groupAdoption.components,
          releasedRecently: groupAdoption.releasedRecently,
          recentBase: groupAdoption.components,
        };
      }
      return {
        key,
        label: labelOf(catalog?.graph, key),
        metrics: buildMetricSet({
          releases: releaseGroups.get(key) ?? {},
          entities: entityGroups.get(key) ?? emptyEntitySums(),
          adoption: groupAdoption ?? (catalog ? noComponents() : undefined),
          days: groupBy === 'month' ? daysOfMonthInPeriod(key, from, to) : days,
          pointInTime: groupBy !== 'month',
        }),
      };
    });
    return response;
  }

  private releaseGrouping(
    groupBy: MetricsGroupBy,
    graph: CatalogGraph | undefined,
  ): ReleaseGrouping {
    if (groupBy !== 'domain') return { by: groupBy };
    const domainOfSystem = new Map<string, string>();
    for (let i = 0; i < (graph?.size ?? 0); i++) {
      const node = graph!.node(i);
      if (node.kind !== 'system') continue;
      for (const j of graph!.related(i, 'partOf')) {
        if (graph!.node(j).kind === 'domain') {
          domainOfSystem.set(node.ref, graph!.node(j).ref);
        }
      }
    }
    return { by: 'domain', domainOfSystem };
  }

  /** The snapshot's components with their models; none when the catalog cannot be read. */
  private async catalogView(): Promise<CatalogView | undefined> {
    try {
      const { graph } = await this.deps.snapshots.current();
      const refs = graph.nodes
        .filter(node => node.kind === 'component')
        .map(node => node.ref);
      const { items } = await this.deps.analysis.applicableModels(refs);
      return {
        graph,
        components: items.map(item => ({
          ref: item.entityRef,
          model: item.model,
        })),
      };
    } catch (error) {
      this.deps.logger.warn(
        `Metrics without catalog figures: ${(error as Error).message}`,
      );
      return undefined;
    }
  }
}

function countAdoption(
  components: CatalogView['components'],
  released: Set<string>,
  groupOf: (c: CatalogView['components'][number]) => string,
): Map<string, AdoptionCounts> {
  const groups = new Map<string, AdoptionCounts>();
  for (const component of components) {
    const key = groupOf(component);
    const counts = groups.get(key) ?? {
      components: 0,
      withModel: 0,
      releasedRecently: 0,
    };
    counts.components++;
    if (component.model) counts.withModel++;
    if (released.has(component.ref)) counts.releasedRecently++;
    groups.set(key, counts);
  }
  return groups;
}

function noComponents(): AdoptionCounts {
  return { components: 0, withModel: 0, releasedRecently: 0 };
}

/** The system, owner or domain an entity belongs to in the snapshot. */
function groupOfEntity(
  graph: CatalogGraph | undefined,
  ref: string,
  groupBy: MetricsGroupBy,
): string {
  const i = graph?.indexOf(ref);
  if (graph === undefined || i === undefined) return NO_GROUP;
  const node = graph.node(i);
  if (groupBy === 'owner') return node.owner ?? NO_GROUP;
  if (groupBy === 'system') return node.system ?? NO_GROUP;
  const system =
    node.system !== undefined ? graph.indexOf(node.system) : undefined;
  if (system === undefined) return NO_GROUP;
  for (const j of graph.related(system, 'partOf')) {
    if (graph.node(j).kind === 'domain') return graph.node(j).ref;
  }
  return NO_GROUP;
}

function labelOf(graph: CatalogGraph | undefined, key: string): string {
  const i = graph?.indexOf(key);
  if (graph === undefined || i === undefined) return key;
  const node = graph.node(i);
  return node.title ?? node.name;
}

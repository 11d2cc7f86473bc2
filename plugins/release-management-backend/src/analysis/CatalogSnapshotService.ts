import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Clock } from '../service/Clock';
import { CatalogGraph } from './CatalogGraph';

/** The kinds the analysis reads; users and templates play no part. */
export const SNAPSHOT_KINDS = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
  'Group',
];

/** Only these fields are read: never full entities. */
export const SNAPSHOT_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.tags',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'relations',
];

export type Snapshot = {
  graph: CatalogGraph;
  builtAt: Date;
  /** Catalog requests the build took. */
  catalogCalls: number;
  /** True when maxEntities stopped the read before the catalog's end. */
  truncated: boolean;
};

export type SnapshotInfo = {
  builtAt: string;
  ageSeconds: number;
  entities: number;
  edges: number;
  catalogCalls: number;
  truncated: boolean;
  /** The last refresh failed; this snapshot is older than it should be. */
  stale: boolean;
  lastError?: string;
};

/**
 * Holds an in-memory snapshot of the catalog graph for the analyses:
 * built on first use, rebuilt on a schedule and on demand. Each replica
 * keeps its own (it is memory), so the refresh task runs locally. When the
 * catalog cannot be read, the last good snapshot is served marked stale;
 * with none at all, analyses answer 503.
 */
export class CatalogSnapshotService {
  private snapshot?: Snapshot;
  private building?: Promise<Snapshot>;
  private lastError?: Error;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      clock: Clock;
      /** Upper bound on entities held, to bound memory. */
      maxEntities: number;
      pageSize: number;
      /** Annotation keys selectors use, kept besides the model annotation. */
      annotationKeys: () => Promise<string[]>;
      /** How long a snapshot answers a requested refresh; default 30 s. */
      refreshCooldownSeconds?: number;
    },
  ) {}

  /**
   * A refresh someone asked for: the snapshot itself when it is younger
   * than the cooldown and the last build succeeded, a rebuild otherwise.
   * Every request reads the whole catalog, so a loop of them must not.
   */
  requestRefresh(): Promise<Snapshot> {
    const cooldown = (this.deps.refreshCooldownSeconds ?? 30) * 1000;
    const age = this.snapshot
      ? this.deps.clock.now().getTime() - this.snapshot.builtAt.getTime()
      : Infinity;
    if (this.snapshot && !this.lastError && age < cooldown) {
      return Promise.resolve(this.snapshot);
    }
    return this.refresh();
  }

  async schedule(
    scheduler: SchedulerService,
    frequency: { minutes: number },
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: 'release-management-catalog-snapshot',
      frequency,
      timeout: { minutes: 10 },
      initialDelay: { seconds: 10 },
      scope: 'local',
      fn: async () => {
        await this.refresh().catch(() => undefined);
      },
    });
  }

  /** The current snapshot, building the first one if needed. */
  async current(): Promise<Snapshot> {
    if (this.snapshot) return this.snapshot;
    try {
      return await this.refresh();
    } catch (error) {
      throw new ServiceUnavailableError(
        `The catalog could not be read for analysis: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** Rebuilds the snapshot; concurrent callers share one build. */
  refresh(): Promise<Snapshot> {
    if (!this.building) {
      this.building = this.build()
        .then(snapshot => {
          this.snapshot = snapshot;
          this.lastError = undefined;
          return snapshot;
        })
        .catch(error => {
          this.lastError = error;
          this.deps.logger.warn(
            `Catalog snapshot refresh failed; keeping the previous one: ${error}`,
          );
          throw error;
        })
        .finally(() => {
          this.building = undefined;
        });
    }
    return this.building;
  }

  info(snapshot: Snapshot): SnapshotInfo {
    return {
      builtAt: snapshot.builtAt.toISOString(),
      ageSeconds: Math.max(
        0,
        Math.round(
          (this.deps.clock.now().getTime() - snapshot.builtAt.getTime()) / 1000,
        ),
      ),
      entities: snapshot.graph.size,
      edges: snapshot.graph.edgeCount,
      catalogCalls: snapshot.catalogCalls,
      truncated: snapshot.truncated,
      stale: this.lastError !== undefined,
      ...(this.lastError ? { lastError: this.lastError.message } : {}),
    };
  }

  private async build(): Promise<Snapshot> {
    const { catalog, auth, maxEntities, pageSize } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    let calls = 0;
    let truncated = false;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: pageSize, fields: SNAPSHOT_FIELDS }
          : {
              filter: { kind: SNAPSHOT_KINDS },
              fields: SNAPSHOT_FIELDS,
              limit: pageSize,
            },
        { credentials },
      );
      calls++;
      for (const entity of page.items) {
        if (entities.length >= maxEntities) {
          truncated = true;
          break;
        }
        entities.push(entity);
      }
      cursor = truncated ? undefined : page.pageInfo.nextCursor;
    } while (cursor);
    const graph = CatalogGraph.fromEntities(entities, {
      annotationKeys: await this.deps.annotationKeys(),
    });
    if (truncated) {
      this.deps.logger.warn(
        `Catalog snapshot holds the first ${maxEntities} entities only (releaseManagement.analysis.maxEntities)`,
      );
    }
    return {
      graph,
      builtAt: this.deps.clock.now(),
      catalogCalls: calls,
      truncated,
    };
  }
}

import { InputError, NotFoundError } from '@backstage/errors';
import type {
  ApplicableModel,
  ExplorerResponse,
  ImpactResponse,
  Release,
  ReleaseOrderResponse,
  SnapshotInfo,
  VerificationResult,
} from '@release-management/plugin-release-management-common';
import type { Actor } from '../domain/approvers';
import type { Clock } from '../service/Clock';
import type { ReleaseModelService } from '../service/ReleaseModelService';
import type { ReleaseService } from '../service/ReleaseService';
import { identifyModel, type ModelCandidate } from './applicableModel';
import type { CatalogGraph } from './CatalogGraph';
import type {
  CatalogSnapshotService,
  Snapshot,
} from './CatalogSnapshotService';
import { exploreArchitecture } from './explorer';
import { analyseImpact } from './impact';
import { releaseOrder } from './releaseOrder';
import { verifyComponents } from './verification';

export type AnalysisTarget = { entityRef?: string[]; releaseId?: string };

/**
 * Architecture analyses over the catalog snapshot: what a release touches,
 * in which order its scope ships, which model applies, whether its
 * components are fit to release, and what a system or domain looks like.
 */
export class AnalysisService {
  constructor(
    private readonly snapshots: CatalogSnapshotService,
    private readonly models: ReleaseModelService,
    private readonly releases: ReleaseService,
    private readonly clock: Clock,
  ) {}

  async snapshotInfo(): Promise<SnapshotInfo> {
    return this.snapshots.info(await this.snapshots.current());
  }

  async refreshSnapshot(): Promise<SnapshotInfo> {
    try {
      return this.snapshots.info(await this.snapshots.requestRefresh());
    } catch {
      // refresh() keeps the old snapshot and its error; report both.
      return this.snapshotInfo();
    }
  }

  async impact(
    target: AnalysisTarget,
    limits: { maxDepth: number; maxEntities: number },
  ): Promise<ImpactResponse> {
    const snapshot = await this.snapshots.current();
    const roots = this.indexesOf(snapshot, await this.refsOf(target));
    return {
      ...analyseImpact(snapshot.graph, roots, limits),
      snapshot: this.snapshots.info(snapshot),
    };
  }

  async order(target: AnalysisTarget): Promise<ReleaseOrderResponse> {
    const snapshot = await this.snapshots.current();
    const scope = this.indexesOf(snapshot, await this.refsOf(target));
    return {
      steps: releaseOrder(snapshot.graph, scope),
      snapshot: this.snapshots.info(snapshot),
    };
  }

  async applicableModels(entityRefs: string[]): Promise<{
    items: ApplicableModel[];
    summary: Array<{ model: string | null; entities: number }>;
    snapshot: SnapshotInfo;
  }> {
    const snapshot = await this.snapshots.current();
    const indexes = this.indexesOf(snapshot, entityRefs);
    const candidates = await this.candidates();
    const items = indexes.map(i =>
      identifyModel(snapshot.graph.node(i), candidates),
    );
    const counts = new Map<string | null, number>();
    for (const item of items) {
      counts.set(item.model, (counts.get(item.model) ?? 0) + 1);
    }
    return {
      items,
      summary: [...counts]
        .map(([model, entities]) => ({ model, entities }))
        .sort((a, b) => b.entities - a.entities),
      snapshot: this.snapshots.info(snapshot),
    };
  }

  async verify(
    entityRefs: string[],
    modelName?: string,
  ): Promise<VerificationResult> {
    const snapshot = await this.snapshots.current();
    const model = modelName
      ? (await this.models.getStored(modelName)).definition
      : undefined;
    return verifyComponents(snapshot.graph, entityRefs, model);
  }

  /** Verifies a release's scope against its own model and records it. */
  async verifyRelease(id: string, actor: Actor): Promise<Release> {
    const release = await this.releases.getStored(id);
    const model = await this.releases.modelDefinition(release);
    const snapshot = await this.snapshots.current();
    const result = verifyComponents(
      snapshot.graph,
      release.scope.map(s => s.entityRef),
      model,
    );
    return this.releases.recordVerification(
      id,
      release.revision,
      {
        ...result,
        checkedAt: this.clock.now().toISOString(),
        checkedBy: actor.ref,
      },
      actor,
    );
  }

  async explore(root: string): Promise<ExplorerResponse> {
    const snapshot = await this.snapshots.current();
    const [index] = this.indexesOf(snapshot, [root]);
    const kind = snapshot.graph.node(index).kind;
    if (kind !== 'system' && kind !== 'domain') {
      throw new InputError(`${root} is a ${kind}, not a system or a domain`);
    }
    return {
      ...exploreArchitecture(snapshot.graph, index, await this.candidates()),
      snapshot: this.snapshots.info(snapshot),
    };
  }

  private async candidates(): Promise<ModelCandidate[]> {
    return (await this.models.list()).map(model => ({
      name: model.name,
      definition: model,
    }));
  }

  private async refsOf(target: AnalysisTarget): Promise<string[]> {
    if (target.releaseId) {
      const release = await this.releases.getStored(target.releaseId);
      return release.scope.map(s => s.entityRef);
    }
    return target.entityRef ?? [];
  }

  private indexesOf(snapshot: Snapshot, refs: string[]): number[] {
    const graph: CatalogGraph = snapshot.graph;
    const missing: string[] = [];
    const indexes: number[] = [];
    for (const ref of refs) {
      const i = graph.indexOf(ref);
      if (i === undefined) missing.push(ref);
      else indexes.push(i);
    }
    if (missing.length > 0) {
      const age = this.snapshots.info(snapshot).ageSeconds;
      throw new NotFoundError(
        `Not in the catalog (snapshot from ${age} s ago): ${missing.join(
          ', ',
        )}`,
      );
    }
    return indexes;
  }
}

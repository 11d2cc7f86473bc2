import type { Entity } from '@backstage/catalog-model';
import { RELEASE_MODEL_ANNOTATION } from '@release-management/plugin-release-management-common';

/** The relation types the analysis follows, each stored as its own CSR. */
export const RELATIONS = [
  'dependsOn',
  'dependencyOf',
  'providesApi',
  'apiProvidedBy',
  'consumesApi',
  'apiConsumedBy',
  'partOf',
  'hasPart',
  'ownedBy',
  'childOf',
  'parentOf',
] as const;
export type Relation = (typeof RELATIONS)[number];

const RELATION_INDEX = new Map<string, number>(RELATIONS.map((r, i) => [r, i]));

/** Working arrays of one traversal; see {@link CatalogGraph.scratch}. */
export type TraversalScratch = {
  epoch: number;
  visited: Int32Array;
  parent: Int32Array;
  depth: Uint8Array;
  via: Uint8Array;
  queue: Int32Array;
};

/** What the analysis knows of one entity; everything else is left out. */
export type GraphNode = {
  ref: string;
  kind: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
  tags: string[];
  /** Only annotations the plugin reads (the model annotation, selector keys). */
  annotations: Record<string, string>;
};

/**
 * An immutable, compact in-memory copy of the catalog's graph: one node per
 * entity and, per relation type, a compressed sparse row adjacency of node
 * indexes (two Int32Arrays). 100k entities take tens of megabytes, not the
 * gigabyte full entities would.
 */
export class CatalogGraph {
  readonly nodes: ReadonlyArray<GraphNode>;
  private readonly index: Map<string, number>;
  private readonly offsets: Int32Array[];
  private readonly targets: Int32Array[];

  private constructor(
    nodes: GraphNode[],
    index: Map<string, number>,
    offsets: Int32Array[],
    targets: Int32Array[],
  ) {
    this.nodes = nodes;
    this.index = index;
    this.offsets = offsets;
    this.targets = targets;
  }

  get size(): number {
    return this.nodes.length;
  }

  private scratchSpace?: TraversalScratch;

  /**
   * Per-node working arrays for a traversal, reused across calls: a
   * traversal is synchronous, so one set per graph is enough, and reusing
   * it spares allocating and clearing arrays of the graph's size (and the
   * garbage collections that follow) on every analysis. `visited` holds
   * the epoch of the traversal that last saw a node.
   */
  scratch(): TraversalScratch {
    if (!this.scratchSpace) {
      const n = this.nodes.length;
      this.scratchSpace = {
        epoch: 0,
        visited: new Int32Array(n),
        parent: new Int32Array(n),
        depth: new Uint8Array(n),
        via: new Uint8Array(n),
        queue: new Int32Array(n),
      };
    }
    this.scratchSpace.epoch++;
    return this.scratchSpace;
  }

  indexOf(ref: string): number | undefined {
    // Refs arrive lower-cased almost always, and a locale-aware lower-casing
    // costs more than the lookup: try the ref as given first.
    return (
      this.index.get(ref) ?? this.index.get(ref.toLocaleLowerCase('en-US'))
    );
  }

  node(i: number): GraphNode {
    return this.nodes[i];
  }

  /** Node indexes related to `i` by `relation`. */
  related(i: number, relation: Relation): Int32Array {
    const r = RELATION_INDEX.get(relation)!;
    return this.targets[r].subarray(this.offsets[r][i], this.offsets[r][i + 1]);
  }

  /**
   * The raw adjacency of one relation type, for hot loops that should not
   * allocate a view per node: the targets of node i are
   * `targets[offsets[i]]` up to (not including) `targets[offsets[i + 1]]`.
   */
  adjacency(relation: Relation): { offsets: Int32Array; targets: Int32Array } {
    const r = RELATION_INDEX.get(relation)!;
    return { offsets: this.offsets[r], targets: this.targets[r] };
  }

  /** Number of edges, over all relation types. */
  get edgeCount(): number {
    return this.targets.reduce((sum, t) => sum + t.length, 0);
  }

  /**
   * Builds a graph from entities read with a `fields` projection. Relations
   * to entities outside the set are dropped: there is nothing to analyse
   * behind them.
   */
  static fromEntities(
    entities: Iterable<Entity>,
    options: { annotationKeys?: string[] } = {},
  ): CatalogGraph {
    const keep = new Set([
      RELEASE_MODEL_ANNOTATION,
      ...(options.annotationKeys ?? []),
    ]);
    const nodes: GraphNode[] = [];
    const index = new Map<string, number>();
    const pending: Array<Array<{ type: string; targetRef: string }>> = [];
    const intern = new Map<string, string>();
    const shared = (value: unknown): string | undefined => {
      if (typeof value !== 'string' || !value) return undefined;
      let s = intern.get(value);
      if (s === undefined) {
        s = value;
        intern.set(value, value);
      }
      return s;
    };

    for (const entity of entities) {
      const ref = toRef(entity);
      if (index.has(ref)) continue;
      const annotations: Record<string, string> = {};
      for (const [key, value] of Object.entries(
        entity.metadata.annotations ?? {},
      )) {
        if (keep.has(key)) annotations[key] = value;
      }
      const relations = entity.relations ?? [];
      const ownedBy = relations.find(r => r.type === 'ownedBy')?.targetRef;
      const partOfSystem = relations.find(
        r => r.type === 'partOf' && r.targetRef.startsWith('system:'),
      )?.targetRef;
      index.set(ref, nodes.length);
      nodes.push({
        ref,
        kind: shared(entity.kind.toLocaleLowerCase('en-US'))!,
        name: entity.metadata.name,
        title: entity.metadata.title,
        type: shared(entity.spec?.type),
        lifecycle: shared(entity.spec?.lifecycle),
        owner: shared(ownedBy),
        system: shared(partOfSystem),
        tags: (entity.metadata.tags ?? []).map(t => shared(t)!),
        annotations,
      });
      pending.push(relations.filter(r => RELATION_INDEX.has(r.type)));
    }

    const n = nodes.length;
    const offsets: Int32Array[] = [];
    const targets: Int32Array[] = [];
    for (let r = 0; r < RELATIONS.length; r++) {
      const type = RELATIONS[r];
      const counts = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) {
        for (const rel of pending[i]) {
          if (rel.type === type && index.has(rel.targetRef)) counts[i + 1]++;
        }
      }
      for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
      const out = new Int32Array(counts[n]);
      const fill = counts.slice(0, n);
      for (let i = 0; i < n; i++) {
        for (const rel of pending[i]) {
          if (rel.type !== type) continue;
          const j = index.get(rel.targetRef);
          if (j !== undefined) out[fill[i]++] = j;
        }
      }
      offsets.push(counts);
      targets.push(out);
    }
    return new CatalogGraph(nodes, index, offsets, targets);
  }
}

function toRef(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

import type { FreezeScope } from '@release-management/plugin-release-management-common';
import type { CatalogGraph } from '../analysis/CatalogGraph';

/**
 * What freeze scopes look at for one entity, worked out once per entity
 * and reused for every freeze a check or calendar tests it against.
 */
export type Coverage = {
  entityRef: string;
  tags: string[];
  owner?: string;
  /** The owner and its parent groups, nearest first. */
  owners: string[];
  /** The entity and everything it is part of, nearest first. */
  containers: string[];
};

// A snapshot's graph never changes, so an entity's coverage is worked out
// once per snapshot: a check of a 500-entity scope against a busy week
// would otherwise walk the same partOf and childOf chains on every call.
// Only entities of the graph are kept, so memory stays bounded by it.
const coverageByGraph = new WeakMap<
  CatalogGraph,
  Array<Coverage | undefined>
>();

export function coverageOf(graph: CatalogGraph, entityRef: string): Coverage {
  const i = graph.indexOf(entityRef);
  if (i === undefined) {
    return { entityRef, tags: [], owners: [], containers: [entityRef] };
  }
  let known = coverageByGraph.get(graph);
  if (!known) coverageByGraph.set(graph, (known = new Array(graph.size)));
  const cached = known[i];
  // Keyed by node, but a coverage names the ref it was asked for.
  if (cached && cached.entityRef === entityRef) return cached;
  const node = graph.node(i);
  const coverage = {
    entityRef,
    tags: node.tags,
    owner: node.owner,
    owners: ownersUp(graph, node.owner),
    containers: containers(graph, i),
  };
  known[i] = coverage;
  return coverage;
}

/**
 * How a freeze reaches an entity, given the entity's coverage, in words,
 * or undefined when it does not.
 */
export function freezeCoversWith(
  scope: FreezeScope,
  coverage: Coverage,
): string | undefined {
  return freezeMatcher(scope)(coverage);
}

/**
 * A freeze scope made into a test of coverages, for testing one freeze
 * against many entities: a check of a busy window tests a hundred freezes
 * against hundreds of entities, and looking each one up in a set beats
 * searching the scope's lists every time.
 */
export function freezeMatcher(
  scope: FreezeScope,
): (coverage: Coverage) => string | undefined {
  const first = (values: string[], listed: Set<string>) => {
    for (const value of values) if (listed.has(value)) return value;
    return undefined;
  };
  switch (scope.type) {
    case 'all':
      return () => 'applies to everything';
    case 'entities': {
      const listed = new Set(scope.refs);
      return c => (listed.has(c.entityRef) ? 'lists it' : undefined);
    }
    case 'tags': {
      const listed = new Set(scope.tags);
      return c => {
        const tag = first(c.tags, listed);
        return tag ? `covers its tag ${tag}` : undefined;
      };
    }
    case 'owners': {
      // Owned by a listed group or one of its sub-groups.
      const listed = new Set(scope.refs);
      return c => {
        const owner = first(c.owners, listed);
        if (!owner) return undefined;
        return owner === c.owner
          ? `covers its owner ${owner}`
          : `covers ${owner}, a parent group of its owner ${c.owner}`;
      };
    }
    case 'systems':
    case 'domains': {
      // Inherited down partOf: domain → system → component.
      const listed = new Set(scope.refs);
      return c => {
        const container = first(c.containers, listed);
        if (!container) return undefined;
        return container === c.entityRef
          ? 'lists it'
          : `is inherited from ${container}`;
      };
    }
    default:
      return () => undefined;
  }
}

/** The entity itself and everything it is part of, nearest first. */
function containers(graph: CatalogGraph, i: number): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  let frontier = [i];
  while (frontier.length > 0 && out.length < 20) {
    const next: number[] = [];
    for (const j of frontier) {
      if (seen.has(j)) continue;
      seen.add(j);
      out.push(graph.node(j).ref);
      next.push(...graph.related(j, 'partOf'));
    }
    frontier = next;
  }
  return out;
}

function ownersUp(graph: CatalogGraph, owner?: string): string[] {
  if (!owner) return [];
  const out = [owner];
  let i = graph.indexOf(owner);
  const seen = new Set<number>();
  while (i !== undefined && !seen.has(i) && out.length < 20) {
    seen.add(i);
    const parent = graph.related(i, 'childOf')[0];
    if (parent === undefined) break;
    out.push(graph.node(parent).ref);
    i = parent;
  }
  return out;
}

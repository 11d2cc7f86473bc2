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

export function coverageOf(graph: CatalogGraph, entityRef: string): Coverage {
  const i = graph.indexOf(entityRef);
  if (i === undefined) {
    return { entityRef, tags: [], owners: [], containers: [entityRef] };
  }
  const node = graph.node(i);
  return {
    entityRef,
    tags: node.tags,
    owner: node.owner,
    owners: ownersUp(graph, node.owner),
    containers: containers(graph, i),
  };
}

/** How a freeze reaches an entity, in words, or undefined when it does not. */
export function freezeCovers(
  graph: CatalogGraph,
  scope: FreezeScope,
  entityRef: string,
): string | undefined {
  return freezeCoversWith(scope, coverageOf(graph, entityRef));
}

/** {@link freezeCovers} with the entity's coverage already worked out. */
export function freezeCoversWith(
  scope: FreezeScope,
  coverage: Coverage,
): string | undefined {
  switch (scope.type) {
    case 'all':
      return 'applies to everything';
    case 'entities':
      return scope.refs.includes(coverage.entityRef) ? 'lists it' : undefined;
    case 'tags': {
      const tag = coverage.tags.find(t => scope.tags.includes(t));
      return tag ? `covers its tag ${tag}` : undefined;
    }
    case 'owners': {
      // Owned by a listed group or one of its sub-groups.
      const owner = coverage.owners.find(o => scope.refs.includes(o));
      if (!owner) return undefined;
      return owner === coverage.owner
        ? `covers its owner ${owner}`
        : `covers ${owner}, a parent group of its owner ${coverage.owner}`;
    }
    case 'systems':
    case 'domains': {
      // Inherited down partOf: domain → system → component.
      const container = coverage.containers.find(c => scope.refs.includes(c));
      if (!container) return undefined;
      return container === coverage.entityRef
        ? 'lists it'
        : `is inherited from ${container}`;
    }
    default:
      return undefined;
  }
}

/** The entity itself and everything it is part of, nearest first. */
export function containers(graph: CatalogGraph, i: number): string[] {
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

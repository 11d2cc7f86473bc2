import type { FreezeScope } from '@release-management/plugin-release-management-common';
import type { CatalogGraph } from '../analysis/CatalogGraph';

/** How a freeze reaches an entity, in words, or undefined when it does not. */
export function freezeCovers(
  graph: CatalogGraph,
  scope: FreezeScope,
  entityRef: string,
): string | undefined {
  if (scope.type === 'all') return 'applies to everything';
  const i = graph.indexOf(entityRef);
  if (scope.type === 'entities') {
    return scope.refs.includes(entityRef) ? 'lists it' : undefined;
  }
  if (i === undefined) return undefined;
  const node = graph.node(i);
  switch (scope.type) {
    case 'tags':
      return node.tags.some(t => scope.tags.includes(t))
        ? `covers its tag ${node.tags.find(t => scope.tags.includes(t))}`
        : undefined;
    case 'owners': {
      // Owned by a listed group or one of its sub-groups.
      for (const owner of ownersUp(graph, node.owner)) {
        if (scope.refs.includes(owner)) {
          return owner === node.owner
            ? `covers its owner ${owner}`
            : `covers ${owner}, a parent group of its owner ${node.owner}`;
        }
      }
      return undefined;
    }
    case 'systems':
    case 'domains': {
      // Inherited down partOf: domain → system → component.
      for (const container of containers(graph, i)) {
        if (scope.refs.includes(container)) {
          return container === entityRef
            ? 'lists it'
            : `is inherited from ${container}`;
        }
      }
      return undefined;
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

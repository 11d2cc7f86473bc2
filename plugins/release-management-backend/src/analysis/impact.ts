import type { CatalogGraph, Relation } from './CatalogGraph';

/** What a release of an entity reaches, followed outward. */
const FOLLOW: Relation[] = [
  'dependencyOf', // components and resources that depend on it
  'providesApi', // the APIs it provides change with it…
  'apiConsumedBy', // …and so do their consumers
  'partOf', // the system and domain it belongs to
];

export type ImpactOptions = {
  /** Hops from the roots, 1–10. */
  maxDepth: number;
  /** Stop after this many reached entities; the result says it was cut off. */
  maxEntities: number;
};

export type ImpactedEntity = {
  entityRef: string;
  kind: string;
  depth: number;
  /** The relation of the last hop. */
  via: Relation;
  /** Shortest path from a root to this entity, root first. */
  path: string[];
  owner?: string;
  system?: string;
};

export type ImpactResult = {
  roots: string[];
  entities: ImpactedEntity[];
  owners: Array<{ ref: string; entities: number }>;
  systems: Array<{ ref: string; entities: number }>;
  cutOff: boolean;
  cutOffReason?: string;
};

/**
 * Breadth-first over the graph from `roots`: every entity a release of
 * them can reach, each with the shortest path. Memory and time are bounded
 * by `maxEntities`, so a hub with thousands of dependents is cut off, not
 * followed to exhaustion.
 */
export function analyseImpact(
  graph: CatalogGraph,
  roots: number[],
  options: ImpactOptions,
): ImpactResult {
  const { epoch, visited, parent, depth, via, queue } = graph.scratch();
  const seen = (v: number) => visited[v] === epoch;
  let head = 0;
  let tail = 0;
  for (const root of roots) {
    if (seen(root)) continue;
    visited[root] = epoch;
    parent[root] = -1;
    depth[root] = 0;
    queue[tail++] = root;
  }
  const reached: number[] = [];
  let cutOff = false;
  let cutOffReason: string | undefined;
  let full = false;

  const adjacency = FOLLOW.map(r => graph.adjacency(r));
  while (head < tail && !full) {
    const u = queue[head++];
    if (depth[u] >= options.maxDepth) {
      if (!cutOff && FOLLOW.some(r => hasUnvisited(graph, u, r, seen))) {
        cutOff = true;
        cutOffReason = `depth limit ${options.maxDepth} reached`;
      }
      continue;
    }
    for (let r = 0; r < FOLLOW.length && !full; r++) {
      const { offsets, targets } = adjacency[r];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = targets[k];
        if (seen(v)) continue;
        if (reached.length >= options.maxEntities) {
          full = true;
          cutOff = true;
          cutOffReason = `entity limit ${options.maxEntities} reached`;
          break;
        }
        visited[v] = epoch;
        parent[v] = u;
        depth[v] = depth[u] + 1;
        via[v] = r;
        reached.push(v);
        queue[tail++] = v;
      }
    }
  }

  const owners = new Map<string, number>();
  const systems = new Map<string, number>();
  const entities = reached.map(v => {
    const node = graph.node(v);
    const d = depth[v];
    const path = new Array<string>(d + 1);
    for (let w = v, k = d; w >= 0; w = parent[w], k--)
      path[k] = graph.node(w).ref;
    if (node.owner) owners.set(node.owner, (owners.get(node.owner) ?? 0) + 1);
    const system = node.kind === 'system' ? node.ref : node.system;
    if (system) systems.set(system, (systems.get(system) ?? 0) + 1);
    const entity: ImpactedEntity = {
      entityRef: node.ref,
      kind: node.kind,
      depth: d,
      via: FOLLOW[via[v]],
      path,
    };
    if (node.owner) entity.owner = node.owner;
    if (node.system) entity.system = node.system;
    return entity;
  });
  const tally = (m: Map<string, number>) =>
    [...m]
      .map(([ref, count]) => ({ ref, entities: count }))
      .sort((a, b) => b.entities - a.entities || (a.ref < b.ref ? -1 : 1));

  return {
    roots: roots.map(r => graph.node(r).ref),
    entities,
    owners: tally(owners),
    systems: tally(systems),
    cutOff,
    ...(cutOffReason ? { cutOffReason } : {}),
  };
}

function hasUnvisited(
  graph: CatalogGraph,
  u: number,
  relation: Relation,
  seen: (v: number) => boolean,
): boolean {
  const next = graph.related(u, relation);
  for (let k = 0; k < next.length; k++) {
    if (!seen(next[k])) return true;
  }
  return false;
}

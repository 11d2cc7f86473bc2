import type { CatalogGraph } from './CatalogGraph';
import { identifyModel, type ModelCandidate } from './applicableModel';
import { tarjan } from './releaseOrder';

export type ExplorerResult = {
  root: string;
  entities: Array<{
    entityRef: string;
    kind: string;
    title?: string;
    owner?: string;
    lifecycle?: string;
    model: string | null;
  }>;
  edges: Array<{
    from: string;
    to: string;
    relation: 'dependsOn' | 'consumesApi' | 'providesApi';
  }>;
  cycles: string[][];
  hubs: Array<{ entityRef: string; dependents: number }>;
  withoutOwner: string[];
  withoutModel: string[];
};

const RELEASABLE = new Set(['component', 'api', 'resource']);

/**
 * The architecture of a system or a domain: its members (for a domain, its
 * systems and theirs), the dependency and API edges between them, cycles,
 * the hubs the most entities depend on (counted over the whole catalog),
 * and the members without an owner or without an applicable model.
 */
export function exploreArchitecture(
  graph: CatalogGraph,
  root: number,
  models: ModelCandidate[],
  hubCount = 10,
): ExplorerResult {
  const members: number[] = [];
  const seen = new Set<number>([root]);
  const collect = (parent: number) => {
    for (const child of graph.related(parent, 'hasPart')) {
      if (seen.has(child)) continue;
      seen.add(child);
      members.push(child);
      if (graph.node(child).kind === 'system') collect(child);
    }
  };
  collect(root);
  const local = new Map(members.map((m, i) => [m, i]));

  const edges: ExplorerResult['edges'] = [];
  const dependsOn: number[][] = members.map(() => []);
  members.forEach((m, i) => {
    for (const relation of [
      'dependsOn',
      'consumesApi',
      'providesApi',
    ] as const) {
      for (const t of graph.related(m, relation)) {
        const j = local.get(t);
        if (j === undefined) continue;
        edges.push({
          from: graph.node(m).ref,
          to: graph.node(t).ref,
          relation,
        });
        if (relation === 'dependsOn') dependsOn[i].push(j);
      }
    }
  });

  const component = tarjan(members.length, dependsOn);
  const byComponent = new Map<number, string[]>();
  component.forEach((c, i) => {
    byComponent.set(c, [
      ...(byComponent.get(c) ?? []),
      graph.node(members[i]).ref,
    ]);
  });
  const cycles = [...byComponent.values()]
    .filter(g => g.length > 1)
    .map(g => g.sort());

  const dependents = (m: number) => {
    let count = graph.related(m, 'dependencyOf').length;
    for (const api of graph.related(m, 'providesApi'))
      count += graph.related(api, 'apiConsumedBy').length;
    if (graph.node(m).kind === 'api')
      count += graph.related(m, 'apiConsumedBy').length;
    return count;
  };
  const hubs = members
    .map(m => ({ entityRef: graph.node(m).ref, dependents: dependents(m) }))
    .filter(h => h.dependents > 0)
    .sort(
      (a, b) =>
        b.dependents - a.dependents || (a.entityRef < b.entityRef ? -1 : 1),
    )
    .slice(0, hubCount);

  const entities = members.map(m => {
    const node = graph.node(m);
    return {
      entityRef: node.ref,
      kind: node.kind,
      ...(node.title ? { title: node.title } : {}),
      ...(node.owner ? { owner: node.owner } : {}),
      ...(node.lifecycle ? { lifecycle: node.lifecycle } : {}),
      model: RELEASABLE.has(node.kind)
        ? identifyModel(node, models).model
        : null,
    };
  });
  return {
    root: graph.node(root).ref,
    entities,
    edges,
    cycles,
    hubs,
    withoutOwner: entities.filter(e => !e.owner).map(e => e.entityRef),
    withoutModel: entities
      .filter(e => RELEASABLE.has(e.kind) && e.model === null)
      .map(e => e.entityRef),
  };
}

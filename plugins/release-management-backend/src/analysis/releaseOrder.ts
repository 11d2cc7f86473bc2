import type { CatalogGraph } from './CatalogGraph';

/** A binary min-heap of ids ordered by `key[id]`. */
class MinHeap {
  private readonly items: number[] = [];

  constructor(private readonly key: number[]) {}

  get size(): number {
    return this.items.length;
  }

  push(id: number): void {
    const items = this.items;
    items.push(id);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key[items[p]] <= this.key[items[i]]) break;
      [items[p], items[i]] = [items[i], items[p]];
      i = p;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.key[items[l]] < this.key[items[m]]) m = l;
        if (r < items.length && this.key[items[r]] < this.key[items[m]]) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i], items[m]];
        i = m;
      }
    }
    return top;
  }
}

export type ReleaseOrderStep = {
  /** Entities that ship in this step; more than one only for a cycle. */
  entityRefs: string[];
  /** True when the entities depend on each other and must ship together. */
  cycle: boolean;
};

/**
 * Orders a scope so that providers go before consumers: B before A when A
 * depends on B, or A consumes an API that B provides (or that is B).
 * Strongly connected components (Tarjan) become steps that ship together;
 * the steps are ordered topologically (Kahn), ties broken by ref so that
 * the same scope always gives the same order. Only edges inside the scope
 * count.
 */
export function releaseOrder(
  graph: CatalogGraph,
  scope: number[],
): ReleaseOrderStep[] {
  const members = [...new Set(scope)].sort((a, b) =>
    graph.node(a).ref < graph.node(b).ref ? -1 : 1,
  );
  const local = new Map<number, number>(members.map((g, i) => [g, i]));
  const n = members.length;

  // prerequisites[i]: local indexes that must ship before i.
  const prerequisites: number[][] = members.map(g => {
    const before = new Set<number>();
    const add = (h: number) => {
      const j = local.get(h);
      if (j !== undefined && h !== g) before.add(j);
    };
    for (const d of graph.related(g, 'dependsOn')) add(d);
    for (const api of graph.related(g, 'consumesApi')) {
      add(api);
      for (const provider of graph.related(api, 'apiProvidedBy')) add(provider);
    }
    for (const provider of graph.related(g, 'apiProvidedBy')) add(provider);
    return [...before];
  });

  const component = tarjan(n, prerequisites);
  const componentCount = Math.max(-1, ...component) + 1;
  const groups: number[][] = Array.from({ length: componentCount }, () => []);
  members.forEach((_, i) => groups[component[i]].push(i));

  // Edges between components: prerequisite component → dependent component.
  const successors: Set<number>[] = groups.map(() => new Set());
  const indegree = new Int32Array(componentCount);
  for (let i = 0; i < n; i++) {
    for (const j of prerequisites[i]) {
      const from = component[j];
      const to = component[i];
      if (from !== to && !successors[from].has(to)) {
        successors[from].add(to);
        indegree[to]++;
      }
    }
  }

  // Kahn, taking ready components smallest member first (members are
  // sorted by ref, so this is "alphabetical among the ready").
  const key = groups.map(g => g[0]);
  const ready = new MinHeap(key);
  for (let c = 0; c < componentCount; c++) if (indegree[c] === 0) ready.push(c);
  const steps: ReleaseOrderStep[] = [];
  while (ready.size > 0) {
    const c = ready.pop();
    steps.push({
      entityRefs: groups[c].map(i => graph.node(members[i]).ref),
      cycle: groups[c].length > 1,
    });
    for (const s of successors[c]) {
      if (--indegree[s] === 0) ready.push(s);
    }
  }
  return steps;
}

/**
 * Tarjan's strongly connected components, iterative so that deep scopes do
 * not overflow the stack. Returns the component number of each node.
 */
export function tarjan(n: number, edges: number[][]): number[] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;

  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    const work: Array<[number, number]> = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, edge] = frame;
      if (edge === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (edge < edges[v].length) {
        frame[1]++;
        const w = edges[v][edge];
        if (index[w] === -1) {
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1][0];
        low[u] = Math.min(low[u], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

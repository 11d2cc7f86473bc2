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
  const members = [...new Set(scope)];
  const refs = members.map(g => graph.node(g).ref);
  const byRef = members
    .map((_, i) => i)
    .sort((a, b) => (refs[a] < refs[b] ? -1 : 1));
  const sorted = byRef.map(i => members[i]);
  const local = new Int32Array(graph.size).fill(-1);
  sorted.forEach((g, i) => (local[g] = i));
  const n = sorted.length;

  // prerequisites[i]: local indexes that must ship before i, deduplicated
  // with a stamp array instead of a Set per node.
  const stamp = new Int32Array(n).fill(-1);
  const prerequisites: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = sorted[i];
    const before: number[] = [];
    const add = (h: number) => {
      const j = local[h];
      if (j >= 0 && j !== i && stamp[j] !== i) {
        stamp[j] = i;
        before.push(j);
      }
    };
    for (const d of graph.related(g, 'dependsOn')) add(d);
    for (const api of graph.related(g, 'consumesApi')) {
      add(api);
      for (const provider of graph.related(api, 'apiProvidedBy')) add(provider);
    }
    for (const provider of graph.related(g, 'apiProvidedBy')) add(provider);
    prerequisites[i] = before;
  }

  const component = tarjan(n, prerequisites);
  let componentCount = 0;
  for (let i = 0; i < n; i++)
    componentCount = Math.max(componentCount, component[i] + 1);
  const groups: number[][] = Array.from({ length: componentCount }, () => []);
  for (let i = 0; i < n; i++) groups[component[i]].push(i);

  // Edges between components: prerequisite component → dependent component.
  const successors: number[][] = Array.from(
    { length: componentCount },
    () => [],
  );
  const indegree = new Int32Array(componentCount);
  const seen = new Int32Array(componentCount).fill(-1);
  for (let c = 0; c < componentCount; c++) {
    for (const i of groups[c]) {
      for (const j of prerequisites[i]) {
        const from = component[j];
        // Dedupe edges into c by the last component that recorded one.
        if (from !== c && seen[from] !== c) {
          seen[from] = c;
          successors[from].push(c);
          indegree[c]++;
        }
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
      entityRefs: groups[c].map(i => graph.node(sorted[i]).ref),
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
export function tarjan(n: number, edges: number[][]): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let stackTop = 0;
  // The explicit call stack: node and the next edge to look at.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  let components = 0;

  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    let depth = 0;
    callNode[0] = start;
    callEdge[0] = 0;
    index[start] = low[start] = counter++;
    stack[stackTop++] = start;
    onStack[start] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const out = edges[v];
      if (callEdge[depth] < out.length) {
        const w = out[callEdge[depth]++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = 0;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop];
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return component;
}

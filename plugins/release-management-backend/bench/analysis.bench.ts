/*
 * Benchmark of the architecture analyses (issue: "fast at 100k entities").
 *
 *   yarn workspace @release-management/plugin-release-management-backend bench:analysis
 *
 * For synthetic catalogs of 10k and 100k entities it prints, side by side:
 * impact analysis on the snapshot (warm p50/p95, cold build) against the
 * approach of @backstage/plugin-catalog-graph (breadth-first, one
 * getEntitiesByRefs call per hop, full entities) on the same catalog, roots
 * and depth (each root five times per side, its median counted); release
 * order against plain Kahn; snapshot heap against
 * holding full entities. The catalog is in-process: each response is
 * serialised and parsed as an HTTP catalog would, but no network time is
 * added, which flatters the baseline.
 */
import type { Entity } from '@backstage/catalog-model';
import { performance } from 'node:perf_hooks';
import { CatalogGraph } from '../src/analysis/CatalogGraph';
import { SNAPSHOT_FIELDS as FIELDS } from '../src/analysis/CatalogSnapshotService';
import { baselineImpact } from './demoBackend';
import { analyseImpact } from '../src/analysis/impact';
import { releaseOrder } from '../src/analysis/releaseOrder';
import { percentile, syntheticCatalog } from './syntheticCatalog';

const MAX_DEPTH = 6;
/** Runs per root and side; each root counts with its median. */
const REPS = 5;

const gc = (globalThis as any).gc as (() => void) | undefined;
const heapMb = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function project(entity: Entity): Entity {
  const out: any = {};
  for (const field of FIELDS) {
    const path = field.split('.');
    let from: any = entity;
    for (const p of path) from = from?.[p];
    if (from === undefined) continue;
    let to = out;
    for (const p of path.slice(0, -1)) {
      to[p] ??= {};
      to = to[p];
    }
    to[path[path.length - 1]] = from;
  }
  return out;
}

/** An in-process catalog that answers like the catalog backend's API. */
class FakeCatalog {
  calls = 0;
  private readonly byRef: Map<string, Entity>;

  constructor(private readonly entities: Entity[]) {
    this.byRef = new Map(
      entities.map(e => [
        `${e.kind}:default/${e.metadata.name}`.toLowerCase(),
        e,
      ]),
    );
  }

  async queryEntities(request: { cursor?: string; limit: number }) {
    this.calls++;
    const offset = request.cursor ? Number(request.cursor) : 0;
    const items = this.entities
      .slice(offset, offset + request.limit)
      .map(project);
    const next = offset + request.limit;
    return wire({
      items,
      totalItems: this.entities.length,
      pageInfo: next < this.entities.length ? { nextCursor: String(next) } : {},
    });
  }

  async getEntitiesByRefs(request: { entityRefs: string[] }) {
    this.calls++;
    return wire({
      items: request.entityRefs.map(r => this.byRef.get(r) ?? null),
    });
  }
}

async function buildSnapshot(catalog: FakeCatalog): Promise<CatalogGraph> {
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities({ cursor, limit: 1000 });
    entities.push(...page.items);
    cursor = (page.pageInfo as any).nextCursor;
  } while (cursor);
  return CatalogGraph.fromEntities(entities);
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function impactBench(size: number, roots: number) {
  const { entities, hubRef, componentRefs } = syntheticCatalog(size);
  const degrees = entities.map(e => e.relations?.length ?? 0);
  const catalog = new FakeCatalog(entities);

  const coldStart = performance.now();
  const graph = await buildSnapshot(catalog);
  const coldCalls = catalog.calls;
  const sample = [
    hubRef,
    ...componentRefs
      .filter((_, i) => i % Math.floor(componentRefs.length / roots) === 1)
      .slice(0, roots - 1),
  ];
  analyseImpact(graph, [graph.indexOf(sample[1])!], {
    maxDepth: MAX_DEPTH,
    maxEntities: size,
  });
  const cold = performance.now() - coldStart;

  const ours: number[] = [];
  const base: number[] = [];
  const baseCalls: number[] = [];
  let identical = true;
  let reachedHub = 0;
  const reached: number[] = [];
  const hub = { ours: 0, base: 0 };
  for (const root of sample) {
    // Each side runs REPS times per root and counts its median, so that
    // one garbage collection does not decide a percentile of either.
    const oursRuns: number[] = [];
    let result!: ReturnType<typeof analyseImpact>;
    for (let k = 0; k < REPS; k++) {
      const start = performance.now();
      result = analyseImpact(graph, [graph.indexOf(root)!], {
        maxDepth: MAX_DEPTH,
        maxEntities: size,
      });
      oursRuns.push(performance.now() - start);
    }
    ours.push(percentile(oursRuns, 50));

    const baseRuns: number[] = [];
    let baseline!: Set<string>;
    for (let k = 0; k < REPS; k++) {
      const before = catalog.calls;
      const bStart = performance.now();
      baseline = (
        await baselineImpact(
          async refs =>
            (
              await catalog.getEntitiesByRefs({ entityRefs: refs })
            ).items,
          root,
          MAX_DEPTH,
        )
      ).visited;
      baseRuns.push(performance.now() - bStart);
      if (k === 0) baseCalls.push(catalog.calls - before);
    }
    base.push(percentile(baseRuns, 50));

    const mine = new Set(result.entities.map(e => e.entityRef));
    if (mine.size !== baseline.size || [...mine].some(r => !baseline.has(r)))
      identical = false;
    reached.push(mine.size);
    if (root === hubRef) {
      reachedHub = mine.size;
      hub.ours = ours[ours.length - 1];
      hub.base = base[base.length - 1];
    }
  }
  return {
    size,
    relationsP50: percentile(degrees, 50),
    relationsP99: percentile(degrees, 99),
    hubDependents: graph.related(graph.indexOf(hubRef)!, 'dependencyOf').length,
    reachedHub,
    hub,
    reachedP50: percentile(reached, 50),
    reachedP95: percentile(reached, 95),
    roots: sample.length,
    ours: { p50: percentile(ours, 50), p95: percentile(ours, 95) },
    base: { p50: percentile(base, 50), p95: percentile(base, 95) },
    baseCallsP50: percentile(baseCalls, 50),
    baseCallsMax: Math.max(...baseCalls),
    cold,
    coldCalls,
    identical,
  };
}

function orderBench() {
  // 10k components, 75k dependsOn edges, mostly downward plus a few cycles.
  const n = 10_000;
  const edges: number[][] = Array.from({ length: n }, () => []);
  let s = 42;
  const random = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let count = 0;
  while (count < 75_000) {
    const a = 1 + Math.floor(random() * (n - 1));
    const b =
      random() < 0.002 ? Math.floor(random() * n) : Math.floor(random() * a);
    if (a !== b) {
      edges[a].push(b);
      count++;
    }
  }
  const ref = (i: number) => `component:default/c${i}`;
  const entities = edges.map((deps, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `c${i}`, namespace: 'default' },
    spec: {},
    relations: deps.map(d => ({ type: 'dependsOn', targetRef: ref(d) })),
  })) as Entity[];
  const graph = CatalogGraph.fromEntities(entities);
  const scope = Array.from({ length: n }, (_, i) => i);

  const runs: number[] = [];
  let steps = 0;
  for (let k = 0; k < 7; k++) {
    const start = performance.now();
    steps = releaseOrder(graph, scope).length;
    runs.push(performance.now() - start);
  }
  // Plain Kahn on a preloaded adjacency list: no cycles handled, no ties.
  const kahn: number[] = [];
  for (let k = 0; k < 7; k++) {
    const start = performance.now();
    const indegree = new Int32Array(n);
    const successors: number[][] = Array.from({ length: n }, () => []);
    edges.forEach((deps, a) =>
      deps.forEach(b => {
        successors[b].push(a);
        indegree[a]++;
      }),
    );
    const queue: number[] = [];
    for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
    for (let h = 0; h < queue.length; h++) {
      for (const t of successors[queue[h]])
        if (--indegree[t] === 0) queue.push(t);
    }
    kahn.push(performance.now() - start);
  }
  return {
    edges: count,
    steps,
    ours: percentile(runs, 50),
    kahn: percentile(kahn, 50),
  };
}

async function heapBench(size: number) {
  const base = heapMb();
  let entities: Entity[] | undefined = syntheticCatalog(size).entities;
  const full = heapMb() - base;
  const catalog = new FakeCatalog(entities);
  const graph = await buildSnapshot(catalog);
  entities = undefined;
  (catalog as any).entities = undefined;
  (catalog as any).byRef = undefined;
  const snapshot = heapMb() - base;
  return { size, full, snapshot, graphSize: graph.size };
}

async function main() {
  if (!gc) {
    console.warn('Run with node --expose-gc for heap figures');
  }
  console.log(
    'Impact analysis (depth ≤ 6): snapshot vs catalog-graph style BFS\n',
  );
  const header = [
    'entities',
    'rel p50/p99',
    'hub deps',
    'roots',
    'ours warm p50',
    'ours warm p95',
    'baseline p50',
    'baseline p95',
    'speed-up p95',
    'calls/analysis ours (warm) vs baseline p50/max',
    'ours cold (build+1st)',
    'same results',
  ];
  console.log(header.join(' | '));
  for (const [size, roots] of [
    [10_000, 200],
    [100_000, 100],
  ] as const) {
    const r = await impactBench(size, roots);
    console.log(
      [
        r.size,
        `${r.relationsP50}/${r.relationsP99}`,
        r.hubDependents,
        r.roots,
        ms(r.ours.p50),
        ms(r.ours.p95),
        ms(r.base.p50),
        ms(r.base.p95),
        `${(r.base.p95 / r.ours.p95).toFixed(1)}×`,
        `0 vs ${r.baseCallsP50}/${r.baseCallsMax}`,
        `${ms(r.cold)} (${r.coldCalls} calls)`,
        r.identical ? 'yes' : 'NO',
      ].join(' | '),
    );
    console.log(
      `  (a root reaches p50 ${r.reachedP50} / p95 ${
        r.reachedP95
      } entities; the hub root reaches ${r.reachedHub}: ours ${ms(
        r.hub.ours,
      )} vs baseline ${ms(r.hub.base)})`,
    );
  }

  const order = orderBench();
  console.log(
    `\nRelease order, 10k components / ${order.edges} edges: ours ${ms(
      order.ours,
    )} (${
      order.steps
    } steps, cycles grouped) vs plain Kahn on a preloaded list ${ms(
      order.kahn,
    )}`,
  );

  if (gc) {
    console.log('\nHeap held');
    for (const size of [10_000, 100_000]) {
      const h = await heapBench(size);
      console.log(
        `  ${size} entities: full entities ${h.full.toFixed(
          0,
        )} MB vs snapshot ${h.snapshot.toFixed(0)} MB`,
      );
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

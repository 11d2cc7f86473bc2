/*
 * Conflict check benchmark: 50k releases and 2k freeze windows (10 %
 * recurring) on SQLite and PostgreSQL; the plugin's check against a plain
 * one (an indexed overlap query for the releases near the plan and their
 * scope, every freeze window loaded and expanded, for each check), for
 * scopes of 10 and 500 related entities.
 *
 *   scripts/bench conflicts        (starts a throwaway PostgreSQL)
 *
 * PostgreSQL is used when BENCH_POSTGRES_URL is set.
 */
import type { Knex } from 'knex';
import knexFactory from 'knex';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { analyseImpact } from '../src/analysis/impact';
import { CatalogGraph } from '../src/analysis/CatalogGraph';
import { DatabaseFreezeWindowStore } from '../src/database/DatabaseFreezeWindowStore';
import { DatabaseReleaseModelStore } from '../src/database/DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from '../src/database/DatabaseReleaseStore';
import { CachedFreezeWindowStore } from '../src/database/CachedFreezeWindowStore';
import { CachedReleaseModelStore } from '../src/database/CachedReleaseModelStore';
import { ChangeCounters } from '../src/database/ChangeCounters';
import { ReleaseIndex } from '../src/database/ReleaseIndex';
import { expandFreezeWindows } from '../src/domain/freezeOccurrences';
import { detectConflicts } from '../src/scheduling/conflicts';
import {
  COMMITTED_STATUSES,
  SchedulingService,
} from '../src/scheduling/SchedulingService';
import { FreezeWindowService } from '../src/service/FreezeWindowService';
import { ReleaseModelService } from '../src/service/ReleaseModelService';
import type { Conflict } from '@release-management/plugin-release-management-common';
import {
  clock,
  FREEZES,
  HOUR,
  model,
  prng,
  RELEASES,
  seed,
  START,
} from './conflictsSeed';
import { percentile, syntheticCatalog } from './syntheticCatalog';

const CHECKS = 200;
/** The plain side reads the database for every check; fewer runs keep it bounded. */
const NAIVE_CHECKS = 25;

async function run(label: string, knex: Knex) {
  const { entities, componentRefs } = syntheticCatalog(10_000);
  const graph = CatalogGraph.fromEntities(entities);
  const systems = entities
    .filter(e => e.kind === 'System')
    .map(e => `system:default/${e.metadata.name}`);
  const seedStart = performance.now();
  const { database } = await seed(knex, componentRefs, systems);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // Wired as the plugin wires them: releases, freeze windows and models
  // read from memory, checked against the change counters on each read.
  const counters = await ChangeCounters.create({ database });
  const releaseStore = await ReleaseIndex.create({
    database,
    counters,
    store: await DatabaseReleaseStore.create({ database }),
  });
  const freezeStore = await DatabaseFreezeWindowStore.create({ database });
  const freezeWindows = new FreezeWindowService(
    new CachedFreezeWindowStore(freezeStore, counters),
    clock,
  );
  const models = new ReleaseModelService(
    new CachedReleaseModelStore(
      await DatabaseReleaseModelStore.create({ database }),
      counters,
    ),
    clock,
  );
  // The first read loads the index: once per replica start.
  const loadStart = performance.now();
  await releaseStore.listScheduled({
    from: clock.now().toISOString(),
    to: clock.now().toISOString(),
    statuses: COMMITTED_STATUSES,
  });
  const indexLoad = performance.now() - loadStart;
  // What keeping it coherent costs each read: one read of the counters.
  const counterReads: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await counters.read();
    counterReads.push(performance.now() - t);
  }
  console.log(
    `${label}: release index loaded in ${indexLoad.toFixed(
      0,
    )} ms; change counter read p50 ${percentile(counterReads, 50).toFixed(
      2,
    )} ms / p95 ${percentile(counterReads, 95).toFixed(2)} ms`,
  );
  const snapshot = {
    graph,
    builtAt: clock.now(),
    catalogCalls: 0,
    truncated: false,
  };
  const snapshots = { current: async () => snapshot, info: () => ({}) } as any;
  const scheduling = new SchedulingService({
    releaseStore,
    models,
    freezeWindows,
    snapshots,
    clock,
  });

  // Scopes of related entities: the blast radius of a busy component.
  const random = prng(11);
  const scopeOf = (size: number) => {
    for (;;) {
      const root = componentRefs[Math.floor(random() * componentRefs.length)];
      const impact = analyseImpact(graph, [graph.indexOf(root)!], {
        maxDepth: 6,
        maxEntities: size,
      });
      const refs = [
        root,
        ...impact.entities
          .map(e => e.entityRef)
          .filter(r => r.startsWith('component:')),
      ];
      if (refs.length >= size) return refs.slice(0, size);
    }
  };

  // Where a check's time goes, for 50 windows.
  const phases = { models: 0, releases: 0, freezes: 0, rules: 0 };
  for (let i = 0; i < 50; i++) {
    const start = START + Math.floor(random() * 720 * 24) * HOUR;
    const w = {
      start: new Date(start).toISOString(),
      end: new Date(start + 2 * HOUR).toISOString(),
    };
    let t = performance.now();
    await models.getStored('bench');
    phases.models += performance.now() - t;
    t = performance.now();
    const others = await releaseStore.listScheduled({
      from: w.start,
      to: w.end,
      statuses: COMMITTED_STATUSES,
    });
    phases.releases += performance.now() - t;
    t = performance.now();
    const freezes = await freezeWindows.occurrences(w.start, w.end);
    phases.freezes += performance.now() - t;
    t = performance.now();
    detectConflicts({
      graph,
      plan: { scope: scopeOf(500), ...w, model },
      others,
      freezes,
      now: clock.now(),
    });
    phases.rules += performance.now() - t;
  }
  console.log(
    `${label}: mean per check: model ${(phases.models / 50).toFixed(
      2,
    )} ms, releases ${(phases.releases / 50).toFixed(
      2,
    )} ms, freeze occurrences ${(phases.freezes / 50).toFixed(
      2,
    )} ms, rules (incl. building a 500 scope) ${(phases.rules / 50).toFixed(
      2,
    )} ms`,
  );

  const rows = [];
  // What two conflict lists must share: every conflict's kind, severity,
  // entity and other party (messages may list parties in another order).
  const fingerprint = (conflicts: Conflict[]) =>
    createHash('sha256')
      .update(
        conflicts
          .map(
            c =>
              `${c.kind}|${c.severity}|${c.entityRef}|${
                c.other && 'id' in c.other ? c.other.id : c.other?.type
              }`,
          )
          .sort()
          .join('\n'),
      )
      .digest('hex');
  // Ours on every plan of both sizes first, then the plain check on the
  // first NAIVE_CHECKS of each: run interleaved, the plain side's garbage
  // (the rows it reads on every check) is collected during our checks.
  const sized = [10, 500].map(size => ({
    size,
    plans: Array.from({ length: CHECKS }, () => {
      const scope = scopeOf(size);
      const start = START + Math.floor(random() * 720 * 24) * HOUR;
      return {
        scope,
        window: {
          start: new Date(start).toISOString(),
          end: new Date(start + 2 * HOUR).toISOString(),
        },
      };
    }),
    ours: [] as number[],
    counts: [] as number[],
    prints: [] as string[],
  }));
  // Only what is compared later is kept, and compactly: holding every
  // answer (up to 9,000 conflicts each) would make each young-generation
  // collection copy them all, a pause no server that answers and forgets
  // would see.
  for (const { plans, ours, counts, prints } of sized) {
    for (const { scope, window } of plans) {
      const t0 = performance.now();
      const conflicts = await scheduling.check({
        model: 'bench',
        scope,
        window,
        readable: undefined,
      });
      ours.push(performance.now() - t0);
      counts.push(conflicts.length);
      if (prints.length < NAIVE_CHECKS) prints.push(fingerprint(conflicts));
    }
  }
  for (const { size, plans, ours, counts, prints } of sized) {
    const naive: number[] = [];
    let same = true;
    for (let i = 0; i < NAIVE_CHECKS; i++) {
      const { scope, window } = plans[i];
      const t1 = performance.now();
      // Baseline: what a plain implementation does, one indexed overlap
      // query for the releases whose windows meet the plan and one for
      // their scope, with no cache and no neighbour pruning.
      const all = await knex('releases')
        .whereIn('status', COMMITTED_STATUSES)
        .where('planned_start', '<', new Date(window.end).toISOString())
        .where('planned_end', '>', new Date(window.start).toISOString())
        .select('id', 'title', 'planned_start', 'planned_end');
      const scopeRows: Array<{ release_id: string; entity_ref: string }> = [];
      const ids = all.map((r: any) => r.id);
      for (let k = 0; k < ids.length; k += 500) {
        scopeRows.push(
          ...(await knex('release_scope')
            .whereIn('release_id', ids.slice(k, k + 500))
            .select('release_id', 'entity_ref')),
        );
      }
      const scopes = new Map<string, string[]>();
      for (const row of scopeRows) {
        const list = scopes.get(row.release_id) ?? [];
        list.push(row.entity_ref);
        scopes.set(row.release_id, list);
      }
      const others = all.map((r: any) => ({
        id: r.id,
        title: r.title,
        scope: scopes.get(r.id) ?? [],
        start: r.planned_start,
        end: r.planned_end,
      }));
      const freezes = expandFreezeWindows(
        await freezeStore.list(),
        window.start,
        window.end,
      );
      const theirs = detectConflicts({
        graph,
        plan: { scope, ...window, model },
        others,
        freezes,
        now: clock.now(),
      });
      naive.push(performance.now() - t1);
      if (prints[i] !== fingerprint(theirs)) same = false;
    }
    // What the slowest checks have in common: how many conflicts they return.
    const bySpeed = ours.map((t, k) => ({ t, n: counts[k] }));
    bySpeed.sort((a, b) => a.t - b.t);
    const slowest = bySpeed.slice(Math.floor(bySpeed.length * 0.95));
    console.log(
      `${label}, scope ${size}: conflicts per check p50 ${percentile(
        counts,
        50,
      )}; the slowest 5 % return ${slowest.map(x => x.n).join(', ')}`,
    );
    rows.push({ size, ours, naive, same });
  }
  return { label, seedSeconds, rows };
}

async function main() {
  const results = [];
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  results.push(await run('SQLite', sqlite));
  await sqlite.destroy();

  const pgUrl = process.env.BENCH_POSTGRES_URL;
  if (pgUrl) {
    const admin = knexFactory({ client: 'pg', connection: pgUrl });
    const name = `bench_${Date.now()}`;
    await admin.raw(`create database ${name}`);
    const pg = knexFactory({
      client: 'pg',
      connection: `${pgUrl}/${name}`,
      pool: { min: 1, max: 10 },
    });
    results.push(await run('PostgreSQL', pg));
    await pg.destroy();
    await admin.raw(`drop database ${name}`);
    await admin.destroy();
  } else {
    console.warn('BENCH_POSTGRES_URL not set: PostgreSQL skipped');
  }

  console.log(
    `\nConflict check, ${RELEASES} releases and ${FREEZES} freeze windows (10 % recurring)\n`,
  );
  console.log(
    'database | scope | ours p50 | ours p95 | plain p50 | plain p95 | speed-up p95 | same conflicts',
  );
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
  for (const r of results) {
    for (const row of r.rows) {
      console.log(
        [
          `${r.label} (seeded in ${r.seedSeconds.toFixed(0)} s)`,
          `${row.size} entities`,
          ms(percentile(row.ours, 50)),
          ms(percentile(row.ours, 95)),
          ms(percentile(row.naive, 50)),
          ms(percentile(row.naive, 95)),
          `${(percentile(row.naive, 95) / percentile(row.ours, 95)).toFixed(
            1,
          )}×`,
          row.same ? 'yes' : 'NO',
        ].join(' | '),
      );
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

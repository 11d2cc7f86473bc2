/*
 * Entity calendar under load: starts the demo backend on :7017 with
 * PostgreSQL (BENCH_POSTGRES_URL, see scripts/bench) and a generated
 * catalog of 10k entities, seeds 50k releases over two years on its
 * components, then drives
 * `GET /api/release-management/calendar` for one entity and the catalog's
 * own `GET /api/catalog/entities/by-name/...` with autocannon (50
 * connections, 15 s each) and prints their latencies side by side.
 *
 *   scripts/bench calendar-load
 */
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import {
  startDemoBackend,
  waitForPath,
  writeBenchConfig,
  writeCatalogYaml,
} from './demoBackend';
import { percentile, syntheticCatalog } from './syntheticCatalog';

const RELEASES = 50_000;
const PORT = 7017;
const BASE = `http://localhost:${PORT}`;
const TOKEN = `bench-${Math.random().toString(36).slice(2)}`;
const CATALOG_SIZE = 10_000;
const headers = { Authorization: `Bearer ${TOKEN}` };

const waitFor = (path: string, timeoutMs = 10 * 60_000) =>
  waitForPath(`${BASE}${path}`, TOKEN, timeoutMs);

async function seed(pgUrl: string) {
  const knex = knexFactory({
    client: 'pg',
    connection: `${pgUrl}/backstage_plugin_release-management`,
  });
  const components: string[] = (
    await (
      await fetch(
        `${BASE}/api/catalog/entities/by-query?filter=kind=component&fields=metadata.name&limit=10000`,
        { headers },
      )
    ).json()
  ).items.map((e: any) => `component:default/${e.metadata.name}`);
  let s = 3;
  const random = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const start0 = Date.now() - 365 * 86_400_000;
  const statuses = ['planned', 'scheduled', 'in-progress', 'closed', 'draft'];
  const releases = [];
  const scope = [];
  for (let i = 0; i < RELEASES; i++) {
    const start = start0 + Math.floor(random() * 730 * 24) * 3_600_000;
    const id = `bench-${i}`;
    releases.push({
      id,
      title: `Bench release ${i}`,
      version_label: '1.0',
      notes: '',
      release_manager: 'user:default/radia.perlman',
      model_name: 'standard',
      model_revision: 1,
      status: statuses[i % statuses.length],
      planned_start: new Date(start).toISOString(),
      planned_end: new Date(start + 2 * 3_600_000).toISOString(),
      time_zone: 'Europe/Oslo',
      phases: '[]',
      revision: 1,
      created_by: 'bench',
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    });
    const picked = new Set<string>();
    const n = 1 + Math.floor(random() * 2);
    while (picked.size < n)
      picked.add(components[Math.floor(random() * components.length)]);
    for (const ref of picked)
      scope.push({ release_id: id, entity_ref: ref, version: '1.0.0' });
  }
  await knex.batchInsert('releases', releases, 1000);
  await knex.batchInsert('release_scope', scope, 1000);
  await knex.raw('analyze');
  await knex.destroy();
  return components.length;
}

async function load(path: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${BASE}${path}`, connections: 50, duration: 15, headers },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on(
      'response',
      (_client: unknown, _status: number, _bytes: number, time: number) => {
        latencies.push(time);
      },
    );
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const pgUrl = process.env.BENCH_POSTGRES_URL;
  if (!pgUrl)
    throw new Error('BENCH_POSTGRES_URL is not set; run through scripts/bench');
  const { hostname, port } = new URL(pgUrl);
  const dir = mkdtempSync(join(tmpdir(), 'rm-bench-'));
  const catalogFile = join(dir, 'catalog.yaml');
  const generated = syntheticCatalog(CATALOG_SIZE);
  writeCatalogYaml(generated.entities, catalogFile);
  const lastComponent = generated.componentRefs.at(-1)!.split('/')[1];
  const config = join(dir, 'app-config.bench.yaml');
  writeBenchConfig(config, {
    port: PORT,
    token: TOKEN,
    catalogFile: catalogFile,
    database: {
      client: 'pg',
      connection: { host: hostname, port: Number(port), user: 'postgres' },
    },
  });
  const stop = startDemoBackend(config);
  try {
    await waitFor(`/api/catalog/entities/by-name/component/default/service-42`);
    // The catalog processes 10k entities in a few minutes; wait for the
    // last generated components and their relations.
    await waitFor(
      `/api/catalog/entities/by-name/component/default/${lastComponent}`,
    );
    await new Promise(r => setTimeout(r, 60_000));
    await fetch(`${BASE}/api/release-management/analysis/snapshot/refresh`, {
      method: 'POST',
      headers,
    });
    await waitFor('/api/release-management/analysis/snapshot');
    const components = await seed(pgUrl);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const pathOf = (name: string) =>
      `/api/release-management/calendar?entityRef=${encodeURIComponent(
        `component:default/${name}`,
      )}&from=${from}&to=${to}`;
    // A service whose calendar holds a typical handful of releases: the
    // first from service-42 on with 5 to 40 in the 30 days.
    let name = 'service-42';
    let sample: any;
    for (let n = 42; n < 242; n++) {
      const body = await (
        await fetch(`${BASE}${pathOf(`service-${n}`)}`, { headers })
      ).json();
      if (n === 42) sample = body;
      if (body.releases.length >= 5 && body.releases.length <= 40) {
        name = `service-${n}`;
        sample = body;
        break;
      }
    }
    const ENTITY = `component:default/${name}`;
    const entity = await (
      await fetch(
        `${BASE}/api/catalog/entities/by-name/component/default/${name}`,
        {
          headers,
        },
      )
    ).json();
    const calendarPath = pathOf(name);

    await load(calendarPath.replace('30', '1')); // warm up both sides
    const calendar = await load(calendarPath);
    const catalog = await load(
      `/api/catalog/entities/by-name/component/default/${name}`,
    );

    console.log(
      `\nEntity calendar under load: ${RELEASES} releases on ${components} components (PostgreSQL), 50 connections, 15 s each`,
    );
    console.log(
      `The calendar of ${ENTITY} for 30 days holds ${
        sample.releases.length
      } releases (own and direct neighbours), ${(
        JSON.stringify(sample).length / 1024
      ).toFixed(1)} KB; the catalog's entity is ${(
        JSON.stringify(entity).length / 1024
      ).toFixed(1)} KB.\n`,
    );
    console.log('endpoint | requests | req/s | p50 | p95 | p99 | errors');
    for (const [label, r] of [
      ['GET /api/release-management/calendar (entity, 30 days)', calendar],
      [`GET /api/catalog/entities/by-name/component/default/${name}`, catalog],
    ] as const) {
      console.log(
        [
          label,
          r.requests,
          r.rps.toFixed(0),
          `${r.p50} ms`,
          `${r.p95} ms`,
          `${r.p99} ms`,
          r.errors,
        ].join(' | '),
      );
    }
    console.log(
      `\np95 ratio calendar / catalog: ${(calendar.p95 / catalog.p95).toFixed(
        2,
      )}`,
    );
  } finally {
    stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

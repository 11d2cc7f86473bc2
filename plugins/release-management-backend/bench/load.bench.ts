/*
 * Mixed read/write load: autocannon with LOAD_CONNECTIONS (50) connections
 * for LOAD_DURATION (120) seconds against one demo backend on PostgreSQL
 * (BENCH_POSTGRES_URL, see scripts/bench), then against two replicas of
 * it on the same database behind a round-robin proxy. Prints p50/p95/p99
 * and errors per endpoint; every non-2xx answer counts as an error.
 *
 *   scripts/bench load
 *   LOAD_DURATION=30 scripts/bench load
 *
 * Each connection works on releases of its own, in turn: list, read,
 * create, history, edit (with the revision it last saw), conflicts,
 * checklist update, read. Three of eight requests write.
 */
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startDemoBackend,
  waitForPath,
  writeBenchConfig,
  writeCatalogYaml,
} from './demoBackend';
import { startRoundRobinProxy } from './roundRobinProxy';
import { percentile, syntheticCatalog } from './syntheticCatalog';

const DURATION = Number(process.env.LOAD_DURATION ?? 120);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PORTS = [7031, 7032];
const PROXY_PORT = 7030;
const API = '/api/release-management';
const LAST = 'PUT /releases/:id/checklist/:item';
const TOKEN = `bench-${Math.random().toString(36).slice(2)}`;
const headers = { Authorization: `Bearer ${TOKEN}` };

type Context = {
  releaseId?: string;
  revision?: number;
  n: number;
  endpoint?: string;
  sentAt?: number;
};

type Stats = Map<
  string,
  { latencies: number[]; errors: number; codes: Map<number, number> }
>;

function releaseBody(entityRef: string, i: number) {
  const start = Date.now() + (30 + (i % 300)) * 86_400_000;
  return {
    model: 'standard',
    title: `Load release ${i}`,
    versionLabel: `v${i}`,
    releaseManager: 'user:default/bench',
    scope: [{ entityRef, version: '1.0.0' }],
    plannedWindow: {
      start: new Date(start).toISOString(),
      end: new Date(start + 2 * 3_600_000).toISOString(),
      timeZone: 'Europe/Oslo',
    },
  };
}

async function createRelease(base: string, entityRef: string, i: number) {
  const res = await fetch(`${base}${API}/releases`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(releaseBody(entityRef, i)),
  });
  if (res.status !== 201)
    throw new Error(`create: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; revision: number };
}

async function run(base: string, components: string[], label: string) {
  // Releases to edit, each used by one connection at a time, so that
  // connections never race for a revision (that would be a correct 409,
  // not a fault). autocannon resets a connection's context when its
  // sequence starts over: a connection takes a release from the pool at
  // the first step and gives it back at the last.
  const free = await Promise.all(
    Array.from({ length: 2 * CONNECTIONS }, (_, i) =>
      createRelease(base, components[i % components.length], i),
    ),
  );
  const revisions = new Map(free.map(r => [r.id, r.revision]));
  let created = 0;
  const stats: Stats = new Map();
  const record = (endpoint: string, ms: number, status: number) => {
    const s = stats.get(endpoint) ?? {
      latencies: [] as number[],
      errors: 0,
      codes: new Map<number, number>(),
    };
    stats.set(endpoint, s);
    s.latencies.push(ms);
    if (status < 200 || status >= 300) {
      s.errors++;
      s.codes.set(status, (s.codes.get(status) ?? 0) + 1);
    }
  };

  const keepRevision = (c: Context, body: any) => {
    revisions.set(c.releaseId!, body.revision);
  };
  const giveBack = (c: Context) => {
    free.unshift({ id: c.releaseId!, revision: revisions.get(c.releaseId!)! });
    c.releaseId = undefined;
  };
  const step = (
    endpoint: string,
    build: (c: Context) => { method: string; path: string; body?: object },
    onBody?: (c: Context, body: any) => void,
  ) => ({
    setupRequest: (req: any, context: Context) => {
      if (!context.releaseId) {
        const mine = free.pop();
        if (!mine) throw new Error('no release left to edit');
        context.releaseId = mine.id;
      }
      context.revision = revisions.get(context.releaseId);
      const r = build(context);
      context.endpoint = endpoint;
      context.sentAt = performance.now();
      // Fresh headers each time: autocannon adds the body's length to the
      // object it is given, which a following GET must not inherit.
      return {
        ...req,
        method: r.method,
        path: r.path,
        headers: r.body
          ? { ...headers, 'Content-Type': 'application/json' }
          : { ...headers },
        body: r.body ? JSON.stringify(r.body) : undefined,
      };
    },
    onResponse: (status: number, body: string, context: Context) => {
      record(endpoint, performance.now() - context.sentAt!, status);
      if (onBody && status >= 200 && status < 300)
        onBody(context, JSON.parse(body));
      // Given back whatever the answer: the next sequence starts afresh.
      if (endpoint === LAST) giveBack(context);
    },
  });

  const requests = [
    step('GET /releases?limit=20', () => ({
      method: 'GET',
      path: `${API}/releases?limit=20`,
    })),
    step('GET /releases/:id', c => ({
      method: 'GET',
      path: `${API}/releases/${c.releaseId}`,
    })),
    step('POST /releases', c => ({
      method: 'POST',
      path: `${API}/releases`,
      body: releaseBody(
        components[c.n++ % components.length],
        CONNECTIONS + created++,
      ),
    })),
    step('GET /releases/:id/history', c => ({
      method: 'GET',
      path: `${API}/releases/${c.releaseId}/history`,
    })),
    step(
      'PATCH /releases/:id',
      c => ({
        method: 'PATCH',
        path: `${API}/releases/${c.releaseId}`,
        body: { revision: c.revision, title: `Edited ${c.n}` },
      }),
      keepRevision,
    ),
    step('GET /releases/:id/conflicts', c => ({
      method: 'GET',
      path: `${API}/releases/${c.releaseId}/conflicts`,
    })),
    step(
      'PUT /releases/:id/checklist/:item',
      c => ({
        method: 'PUT',
        path: `${API}/releases/${c.releaseId}/checklist/standard-build-green`,
        body: { done: c.n % 2 === 0 },
      }),
      keepRevision,
    ),
  ];

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: requests as any,
        initialContext: { n: 0 },
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
  });

  console.log(
    `\n${label}: ${CONNECTIONS} connections, ${DURATION} s, ${
      result.requests.total
    } requests, ${result.requests.average.toFixed(0)} req/s, ${
      result.errors
    } socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
  );
  console.log('endpoint | requests | p50 | p95 | p99 | errors');
  let errors = result.errors + result.timeouts;
  for (const [endpoint, s] of stats) {
    errors += s.errors;
    console.log(
      [
        endpoint,
        s.latencies.length,
        `${percentile(s.latencies, 50).toFixed(0)} ms`,
        `${percentile(s.latencies, 95).toFixed(0)} ms`,
        `${percentile(s.latencies, 99).toFixed(0)} ms`,
        s.errors
          ? `${s.errors} (${[...s.codes]
              .map(([c, n]) => `${n}×${c}`)
              .join(', ')})`
          : 0,
      ].join(' | '),
    );
  }
  return errors;
}

async function main() {
  const pgUrl = process.env.BENCH_POSTGRES_URL;
  if (!pgUrl)
    throw new Error('BENCH_POSTGRES_URL is not set; run through scripts/bench');
  const { hostname, port } = new URL(pgUrl);
  const dir = mkdtempSync(join(tmpdir(), 'rm-load-'));
  const catalogFile = join(dir, 'catalog.yaml');
  const generated = syntheticCatalog(200, 20);
  writeCatalogYaml(generated.entities, catalogFile);
  const components = generated.componentRefs.slice(0, 50);
  const lastComponent = components.at(-1)!.split('/')[1];

  const stops: Array<() => void> = [];
  const start = async (p: number) => {
    const config = join(dir, `app-config.${p}.yaml`);
    writeBenchConfig(config, {
      port: p,
      token: TOKEN,
      catalogFile,
      database: {
        client: 'pg',
        connection: { host: hostname, port: Number(port), user: 'postgres' },
      },
    });
    stops.push(startDemoBackend(config));
    await waitForPath(
      `http://localhost:${p}/api/catalog/entities/by-name/component/default/${lastComponent}`,
      TOKEN,
      10 * 60_000,
    );
  };
  let errors = 0;
  try {
    await start(PORTS[0]);
    errors += await run(
      `http://localhost:${PORTS[0]}`,
      components,
      'One backend',
    );
    await start(PORTS[1]);
    const stopProxy = await startRoundRobinProxy(
      PROXY_PORT,
      PORTS.map(p => `http://localhost:${p}`),
    );
    try {
      errors += await run(
        `http://localhost:${PROXY_PORT}`,
        components,
        'Two replicas behind a round-robin proxy',
      );
    } finally {
      await stopProxy();
    }
  } finally {
    stops.forEach(stop => stop());
  }
  console.log(`\n${errors} errors in all`);
  if (errors > 0) process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

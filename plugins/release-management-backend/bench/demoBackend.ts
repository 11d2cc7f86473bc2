/*
 * What the HTTP benchmarks share: the demo backend started on its own port
 * with an extra config file, and the catalog-graph style impact baseline.
 */
import type { Entity } from '@backstage/catalog-model';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const root = join(__dirname, '../../..');

/**
 * Starts `packages/backend` with app-config.yaml plus `configFile`, in its
 * own process group; returns a function that stops it. Runs the backend
 * the way `backstage-cli package start` does (same loader, same
 * NODE_ENV), minus the file watcher: a benchmark must not restart when
 * someone edits the working tree.
 */
export function startDemoBackend(configFile: string): () => void {
  const backend = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROFILE=<dir> writes the backend's CPU profile there when
      // it stops, to see where a benchmark's time goes.
      ...(process.env.BENCH_CPU_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
        : []),
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
        paths: [join(root, 'packages/backend')],
      }),
      'src/index.ts',
      '--config',
      join(root, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: join(root, 'packages/backend'),
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        ESBK_TSCONFIG_PATH: join(root, 'tsconfig.json'),
      },
    },
  );
  return () => process.kill(-backend.pid!, 'SIGTERM');
}

/** The relations a release's impact follows, as the plugin's analysis does. */
export const FOLLOW = new Set([
  'dependencyOf',
  'providesApi',
  'apiConsumedBy',
  'partOf',
]);

/**
 * Impact the way @backstage/plugin-catalog-graph explores the catalog:
 * breadth-first, one request for full entities per hop (in chunks of 1000,
 * which the catalog's body limit needs), depth at most `maxDepth`.
 */
export async function baselineImpact(
  getEntitiesByRefs: (refs: string[]) => Promise<Array<Entity | null>>,
  start: string,
  maxDepth: number,
): Promise<{ visited: Set<string>; calls: number }> {
  const visited = new Set([start]);
  let frontier = [start];
  let calls = 0;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += 1000) {
      const items = await getEntitiesByRefs(frontier.slice(i, i + 1000));
      calls++;
      for (const entity of items) {
        for (const rel of entity?.relations ?? []) {
          if (FOLLOW.has(rel.type) && !visited.has(rel.targetRef)) {
            visited.add(rel.targetRef);
            next.push(rel.targetRef);
          }
        }
      }
    }
    frontier = next;
  }
  visited.delete(start);
  return { visited, calls };
}

/**
 * Writes generated entities as catalog YAML: relations become the spec
 * fields (dependsOn, providesApis, system, …) the catalog derives them from.
 */
export function writeCatalogYaml(entities: Entity[], file: string): void {
  const docs = entities.map(e => {
    const rel = (type: string) =>
      (e.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
    const spec: any = { ...e.spec };
    if (e.kind === 'Component' || e.kind === 'Resource' || e.kind === 'API') {
      spec.system = rel('partOf')[0];
    }
    if (e.kind === 'System') spec.domain = rel('partOf')[0];
    if (e.kind === 'Component') {
      spec.dependsOn = rel('dependsOn');
      spec.providesApis = rel('providesApi');
      spec.consumesApis = rel('consumesApi');
    }
    if (e.kind === 'Group') {
      delete spec.lifecycle;
      delete spec.owner;
      spec.type = 'team';
      spec.children = [];
    }
    if (e.kind === 'Domain') delete spec.lifecycle;
    const { uid, etag, ...metadata } = e.metadata as any;
    return { apiVersion: e.apiVersion, kind: e.kind, metadata, spec };
  });
  writeFileSync(file, docs.map(d => `---\n${stringify(d)}`).join(''));
}

/** Polls a backend path with a token until it answers 2xx. */
export async function waitForPath(
  url: string,
  token: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.ok) return;
    } catch {
      // still starting
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`${url} did not answer in ${timeoutMs / 1000} s`);
}

/**
 * The extra app-config of a benchmark backend: its own port, a static
 * token for the benchmark, the given catalog file as the only location,
 * no demo data, and optionally a database.
 */
export function writeBenchConfig(
  file: string,
  options: {
    port: number;
    token: string;
    catalogFile: string;
    database?: object;
  },
): void {
  const config = {
    backend: {
      baseUrl: `http://localhost:${options.port}`,
      listen: { port: options.port },
      ...(options.database ? { database: options.database } : {}),
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'bench' },
          },
        ],
      },
    },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Domain',
            'Group',
          ],
        },
      ],
      locations: [{ type: 'file', target: options.catalogFile }],
    },
    releaseManagement: { demoData: { enabled: false } },
  };
  writeFileSync(file, stringify(config));
}

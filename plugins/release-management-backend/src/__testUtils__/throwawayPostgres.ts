import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL cluster of a test's own, which it may stop and restart
 * without disturbing the shared test database. Made the way
 * `scripts/postgres-cluster.sh` makes one: `initdb` and `pg_ctl` from
 * `RM_PG_BIN` or the newest `/usr/lib/postgresql/<major>/bin`, run as
 * `RM_PG_RUN_AS` (the postgres user when running as root).
 */
export type ThrowawayPostgres = {
  port: number;
  connection: { host: string; port: number; user: string };
  /**
   * `pg_ctl restart -m fast`: every connection is ended. Asynchronous, so
   * that the backend under test goes on serving meanwhile.
   */
  restart(): Promise<void>;
  stop(): void;
};

/** The server binaries, or undefined when there are none. */
export function findPostgresBin(): string | undefined {
  const candidates = [process.env.RM_PG_BIN];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter(m => /^\d+$/.test(m))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map(m => join(root, m, 'bin')));
  }
  return candidates.find(bin => bin && existsSync(join(bin, 'initdb')));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(
  bin: string,
): Promise<ThrowawayPostgres> {
  // PostgreSQL refuses to run as root: as the postgres user then.
  let runAs: string[] = [];
  if (process.env.RM_PG_RUN_AS) {
    runAs = process.env.RM_PG_RUN_AS.split(' ').filter(Boolean);
  } else if (process.getuid?.() === 0) {
    runAs = ['runuser', '-u', 'postgres', '--'];
  }
  const command = (name: string, args: string[]) =>
    runAs.length
      ? [...runAs, join(bin, name), ...args]
      : [join(bin, name), ...args];
  const run = (name: string, args: string[]) => {
    const [file, ...rest] = command(name, args);
    execFileSync(file, rest, { stdio: 'pipe', timeout: 60_000 });
  };
  const runAsync = async (name: string, args: string[]) => {
    const [file, ...rest] = command(name, args);
    await promisify(execFile)(file, rest, { timeout: 60_000 });
  };
  const dir = mkdtempSync(join(tmpdir(), 'rm-restart-pg.'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const pgCtlArgs = (...args: string[]) => [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ...args,
  ];
  run('pg_ctl', pgCtlArgs('start'));
  let stopped = false;
  return {
    port,
    connection: { host: '127.0.0.1', port, user: 'postgres' },
    restart: () => runAsync('pg_ctl', pgCtlArgs('-m', 'fast', 'restart')),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

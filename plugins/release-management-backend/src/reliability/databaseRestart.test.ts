import knexFactory, { type Knex } from 'knex';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../__testUtils__/throwawayPostgres';
import { as, base, releaseBody, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(120_000);

const rm = as('user:default/rm');
const WRITES = Number(process.env.RM_RESTART_WRITES ?? 1000);
const CONCURRENCY = 8;
/** After this many acknowledged writes, PostgreSQL is restarted. */
const RESTART_AFTER = Math.floor(WRITES / 3);
const RECOVERY_BOUND_MS = 30_000;
const scope = [
  { entityRef: 'component:default/cart', version: '4.2.0' },
  { entityRef: 'component:default/pricing', version: '1.9.0' },
];

const bin = findPostgresBin();
if (!bin) {
  const message =
    'databaseRestart.test.ts: skipped, no PostgreSQL server binaries (initdb, pg_ctl) in RM_PG_BIN or /usr/lib/postgresql/<major>/bin';
  if (process.env.RELEASE_MANAGEMENT_REQUIRE_POSTGRES) {
    throw new Error(message);
  }
  // eslint-disable-next-line no-console
  console.warn(message);
}

/**
 * PostgreSQL restarted (fast shutdown: every connection ended) in the
 * middle of a batch of release creations, on a cluster of the test's own,
 * against a backend using Backstage's own database service: every
 * acknowledged write is there afterwards, every other one is there whole
 * (release, scope and history) or not at all, and the backend serves again
 * without a restart of its own.
 */
(bin ? describe : describe.skip)('PostgreSQL restarted during writes', () => {
  let pg: ThrowawayPostgres;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let check: Knex;

  beforeAll(async () => {
    pg = await startThrowawayPostgres(bin!);
    app = await startTestApp({
      backend: { database: { client: 'pg', connection: pg.connection } },
    });
  });

  afterAll(async () => {
    await check?.destroy();
    pg?.stop();
  });

  it(`keeps every acknowledged write of ${WRITES}, and none by halves, and serves again`, async () => {
    const outcomes: Array<'acknowledged' | 'failed'> = [];
    let acknowledged = 0;
    let restarted: Promise<void> | undefined;
    let restartedAt = 0;
    let restartStartedAt = 0;
    let firstAckAfterRestart = 0;
    const errors = new Map<string, number>();

    const write = async (i: number) => {
      try {
        const res = await app.api
          .post(`${base}/releases`)
          .set('Authorization', rm)
          .send(
            releaseBody({
              model: 'config-normal',
              title: `Restart write ${i}`,
              scope,
            }),
          );
        outcomes[i] = res.status === 201 ? 'acknowledged' : 'failed';
        if (res.status !== 201) {
          const key = `${res.status} ${res.body?.error?.message ?? res.text}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        // Refused for the outage, as one to try again: never a 500.
        if (res.status !== 201 && res.status !== 503) {
          throw new Error(`write ${i}: ${res.status} ${res.text}`);
        }
      } catch (error) {
        if ((error as Error).message.startsWith(`write ${i}:`)) throw error;
        outcomes[i] = 'failed';
      }
      if (outcomes[i] === 'acknowledged') {
        acknowledged++;
        if (restartedAt && !firstAckAfterRestart) {
          firstAckAfterRestart = Date.now();
        }
      }
      if (!restarted && acknowledged >= RESTART_AFTER) {
        // In the background, with writes in flight on every connection.
        restartStartedAt = Date.now();
        restarted = pg.restart().then(() => {
          restartedAt = Date.now();
        });
      }
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < WRITES) await write(next++);
      }),
    );
    await restarted;
    expect(restartedAt).toBeGreaterThan(0);

    // Serves again, reads and writes, without a restart of the backend.
    let served = false;
    let servedAt = 0;
    while (Date.now() - restartedAt < RECOVERY_BOUND_MS) {
      const list = await app.api
        .get(`${base}/releases?limit=1`)
        .set('Authorization', rm);
      const created = await app.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody({ model: 'config-normal', title: 'After restart' }));
      if (list.status === 200 && created.status === 201) {
        served = true;
        servedAt = Date.now();
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    expect(served).toBe(true);
    expect((firstAckAfterRestart || servedAt) - restartedAt).toBeLessThan(
      RECOVERY_BOUND_MS,
    );

    check = knexFactory({
      client: 'pg',
      connection: {
        ...pg.connection,
        database: 'backstage_plugin_release-management',
      },
    });
    const releases: Array<{ id: string; title: string }> = await check(
      'releases',
    )
      .where('title', 'like', 'Restart write %')
      .select('id', 'title');
    const scopeCount = new Map<string, number>();
    for (const row of await check('release_scope')
      .groupBy('release_id')
      .select('release_id')
      .count<Array<{ release_id: string; n: number | string }>>({ n: '*' })) {
      scopeCount.set(row.release_id as string, Number(row.n));
    }
    const historyCount = new Map<string, number>();
    for (const row of await check('release_history')
      .groupBy('release_id')
      .select('release_id')
      .count<Array<{ release_id: string; n: number | string }>>({ n: '*' })) {
      historyCount.set(row.release_id as string, Number(row.n));
    }

    const byTitle = new Map<string, string[]>();
    for (const r of releases) {
      byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r.id]);
    }
    const problems: string[] = [];
    let failedPresent = 0;
    for (let i = 0; i < WRITES; i++) {
      const ids = byTitle.get(`Restart write ${i}`) ?? [];
      if (ids.length > 1)
        problems.push(`write ${i} stored ${ids.length} times`);
      if (outcomes[i] === 'acknowledged' && ids.length !== 1) {
        problems.push(`acknowledged write ${i} is missing`);
      }
      if (outcomes[i] === 'failed' && ids.length === 1) failedPresent++;
      for (const id of ids) {
        // Whole: the release with both scope rows and its history entry.
        if (scopeCount.get(id) !== scope.length || historyCount.get(id) !== 1) {
          problems.push(
            `write ${i} stored by halves: ${
              scopeCount.get(id) ?? 0
            } scope rows, ${historyCount.get(id) ?? 0} history entries`,
          );
        }
      }
    }
    // Nothing of a release without the release itself.
    const ids = new Set(
      (await check('releases').select('id')).map(r => r.id as string),
    );
    for (const id of [...scopeCount.keys(), ...historyCount.keys()]) {
      if (!ids.has(id)) problems.push(`rows of a missing release ${id}`);
    }
    expect(problems).toEqual([]);

    const failed = outcomes.filter(o => o === 'failed').length;
    // eslint-disable-next-line no-console
    console.log(
      `database restart: ${WRITES} writes, ${
        WRITES - failed
      } acknowledged, ${failed} failed (${failedPresent} of them stored whole); the restart took ${
        restartedAt - restartStartedAt
      } ms, writes acknowledged again ${
        (firstAckAfterRestart || servedAt) - restartedAt
      } ms after it`,
      [...errors],
    );
    expect(outcomes.filter(Boolean)).toHaveLength(WRITES);
    // Refusals say it in the plugin's words; the database's own text
    // (addresses, server messages) stays in the log.
    expect(
      [...errors.keys()].filter(key =>
        /ECONN|terminat|ended unexpectedly|127\.0\.0\.1|shutdown|57P0/i.test(
          key,
        ),
      ),
    ).toEqual([]);
  });
});

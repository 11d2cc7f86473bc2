/*
 * A hostile reader against the demo backend: far-future calendars and
 * freeze occurrences of repeating windows, and the worst requests the
 * horizon still lets through, each sent again and again while a health
 * check runs beside it every 10 ms. Prints each request's latency and the
 * health check's, beside the health check on an idle backend and beside
 * the old expansion (plain rrule from the window's start) of the same
 * far-future request, measured in this process.
 *
 *   scripts/bench hostile
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { stringify } from 'yaml';
import { writeFileSync } from 'node:fs';
import { startDemoBackend, waitForPath } from './demoBackend';
import { percentile } from './syntheticCatalog';

const PORT = 7019;
const BASE = `http://localhost:${PORT}`;
const API = `${BASE}/api/release-management`;
const TOKEN = `bench-${Math.random().toString(36).slice(2)}`;
const headers = {
  Authorization: `Bearer ${TOKEN}`,
  'Content-Type': 'application/json',
};
const ROUNDS = 20;
const HEALTH = `${BASE}/.backstage/health/v1/readiness`;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function timed(url: string, init?: RequestInit) {
  const started = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

/** Health checks every 10 ms until `stop` resolves; their latencies. */
async function healthDuring(stop: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  stop.finally(() => {
    done = true;
  });
  while (!done) {
    latencies.push((await timed(HEALTH)).ms);
    await sleep(10);
  }
  return latencies;
}

async function measure(
  name: string,
  url: string,
  init?: RequestInit,
): Promise<string> {
  const runs: Array<{ ms: number; status: number }> = [];
  const work = (async () => {
    for (let i = 0; i < ROUNDS; i++) runs.push(await timed(url, init));
  })();
  const health = await healthDuring(work);
  await work;
  const first = runs[0].ms;
  const ms = runs.map(r => r.ms).sort((a, b) => a - b);
  const statuses = [...new Set(runs.map(r => r.status))].join('/');
  return `${name} | ${statuses} | ${first.toFixed(1)} ms | ${percentile(
    ms,
    50,
  ).toFixed(1)} ms | ${ms[ms.length - 1].toFixed(1)} ms | ${percentile(
    health.sort((a, b) => a - b),
    99,
  ).toFixed(1)} ms | ${Math.max(...health).toFixed(1)} ms`;
}

/** The old expansion: plain rrule from the window's first occurrence. */
function plainRrule(rule: string, dtstart: string, from: string, to: string) {
  const started = performance.now();
  const floating = (iso: string) => {
    const t = DateTime.fromISO(iso, { zone: 'Europe/Oslo' });
    return new Date(
      Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second),
    );
  };
  new RRule({
    ...RRule.parseString(rule),
    dtstart: floating(dtstart),
  }).between(new Date(from), new Date(to), true);
  return performance.now() - started;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rm-hostile-'));
  const configFile = join(dir, 'app-config.bench.yaml');
  writeFileSync(
    configFile,
    stringify({
      backend: {
        baseUrl: BASE,
        listen: { port: PORT },
        auth: {
          externalAccess: [
            { type: 'static', options: { token: TOKEN, subject: 'bench' } },
          ],
        },
      },
      // Hourly rules allowed, so the worst rule the API can still store is
      // measured too.
      releaseManagement: { recurrence: { allowHourly: true } },
    }),
  );
  const stop = startDemoBackend(configFile);
  try {
    await waitForPath(`${API}/freeze-windows`, TOKEN, 10 * 60_000);
    // Let the demo seeding and the first catalog snapshot settle.
    await sleep(5000);
    const start = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const window = (title: string, rrule: string, minutes: number) =>
      fetch(`${API}/freeze-windows`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title,
          severity: 'soft',
          start,
          end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
          timeZone: 'Europe/Oslo',
          rrule,
          scope: { type: 'all' },
        }),
      }).then(async r => {
        if (r.status !== 201) throw new Error(`${title}: ${await r.text()}`);
      });
    await window('Nightly batch', 'FREQ=DAILY', 120);
    await window('Hourly sync', 'FREQ=HOURLY', 10);

    const idle = await (async () => {
      const ms: number[] = [];
      for (let i = 0; i < 200; i++) {
        ms.push((await timed(HEALTH)).ms);
        await sleep(10);
      }
      return ms.sort((a, b) => a - b);
    })();

    const horizonEdge = DateTime.utc().plus({ years: 10 }).minus({ months: 1 });
    const edgeFrom = horizonEdge.startOf('month').toISO()!;
    const edgeTo = horizonEdge.endOf('month').toISO()!;
    const rows = [
      await measure(
        'GET /freeze-windows/occurrences, January 9000',
        `${API}/freeze-windows/occurrences?from=9000-01-01T00:00:00Z&to=9000-02-01T00:00:00Z`,
        { headers },
      ),
      await measure(
        'GET /calendar, January 5000',
        `${API}/calendar?from=5000-01-01T00:00:00Z&to=5000-01-31T00:00:00Z`,
        { headers },
      ),
      await measure(
        `GET /freeze-windows/occurrences, ${horizonEdge.toFormat(
          'LLLL yyyy',
        )} (horizon)`,
        `${API}/freeze-windows/occurrences?from=${edgeFrom}&to=${edgeTo}`,
        { headers },
      ),
      await measure(
        `GET /calendar, ${horizonEdge.toFormat('LLLL yyyy')} (horizon)`,
        `${API}/calendar?from=${edgeFrom}&to=${edgeTo}`,
        { headers },
      ),
      await measure(
        'POST /conflicts/slots, 365 days, 50 slots',
        `${API}/conflicts/slots`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({
            model: 'normal',
            scope: ['component:default/cart-service'],
            durationMinutes: 60,
            timeZone: 'Europe/Oslo',
            days: 365,
            count: 50,
          }),
        },
      ),
    ];

    console.log(
      `A hostile reader: ${ROUNDS} requests each, a health check every 10 ms beside them (demo backend, in-memory SQLite, a DAILY and an HOURLY freeze starting ${start.slice(
        0,
        10,
      )})\n`,
    );
    console.log(
      'request | status | first | p50 | max | health p99 | health max',
    );
    for (const row of rows) console.log(row);
    console.log(
      `\nbaseline, idle backend: health p99 ${percentile(idle, 99).toFixed(
        1,
      )} ms, max ${idle[idle.length - 1].toFixed(1)} ms`,
    );
    console.log(
      `baseline, before this change (plain rrule from the window's start, in this process): DAILY to January 9000 ${plainRrule(
        'FREQ=DAILY',
        start,
        '9000-01-01T00:00:00Z',
        '9000-02-01T00:00:00Z',
      ).toFixed(0)} ms, DAILY to January 5000 ${plainRrule(
        'FREQ=DAILY',
        start,
        '5000-01-01T00:00:00Z',
        '5000-01-31T00:00:00Z',
      ).toFixed(
        0,
      )} ms, each request blocking the event loop, health checks included`,
    );
  } finally {
    stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

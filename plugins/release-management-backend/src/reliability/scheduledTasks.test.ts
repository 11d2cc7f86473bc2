import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { draftRelease, normalModelInput } from '../__testUtils__/fixtures';
import { eventually } from '../__testUtils__/reliability';
import { as, base, startTestApp } from '../__testUtils__/testApp';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';

jest.setTimeout(60_000);

const REMINDERS = 'release-management-reminders';
const SNAPSHOT = 'release-management-catalog-snapshot';
/** `reminderSchedule` in the test: a period and a timeout of seconds. */
const PERIOD_MS = 1_500;
const TIMEOUT_MS = 3_000;
/** Slack for polling, database round trips and a busy machine. */
const SLACK_MS = 1_000;
const DAY_MS = 86_400_000;

const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

/** A start or an end of a task run, as the scheduler counts them. */
type Run = { replica: string; taskId: string; result: string; at: number };
type Sent = { replica: string; scope: string; at: number };

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Two backends on one PostgreSQL database with Backstage's real scheduler
 * (`schedulerServiceFactory` from `@backstage/backend-defaults/scheduler`,
 * given to `startTestBackend` in place of its mock) and Backstage's real
 * database service, each backend with its own connection pool: the
 * scheduler coordinates the replicas through its task table in that
 * database, as in a deployment with several backend instances.
 *
 * Task runs are counted by the scheduler's own instrumentation (the
 * `backend_tasks.task.runs.count` counter it records on the metrics
 * service, started and completed or failed), notifications by a recording
 * notification service that can be made to hang mid-send.
 *
 * The reminder task runs every 1.5 s with a 3 s timeout here, through
 * `releaseManagement.notifications.reminderSchedule`.
 *
 * Not shown here: a replica killed without shutting down (SIGKILL, lost
 * host). Its run is never released by itself; the scheduler's janitor,
 * which every replica runs once a minute, frees a run past its timeout,
 * so the bound there is the timeout plus up to a minute. The janitor does
 * not run when NODE_ENV is `test`, and its minute is fixed, so that case
 * does not fit a test; the run stopped here by a timeout (a hung replica)
 * and by a shutdown covers the same hand-over of the run and its claims.
 */
(postgres.length ? describe.each(postgres) : describe.skip.each([['none']]))(
  'scheduled tasks of two replicas with the real scheduler on %p',
  databaseId => {
    let knex: Knex;
    const replicas: Record<
      string,
      Awaited<ReturnType<typeof startReplica>>
    > = {};
    const runs: Run[] = [];
    const sent: Sent[] = [];
    /** While set, the next send of either replica hangs. */
    let stall:
      | { replica?: string; at?: number; entered: () => void }
      | undefined;
    /** Lets hung sends go at the end, delivering nothing. */
    let unblock!: () => void;
    const blocked = new Promise<void>(resolve => {
      unblock = resolve;
    });

    function startReplica(name: string) {
      const metrics = metricsServiceMock.mock({
        createCounter: ((counter: string) => ({
          add: (_: number, labels: Record<string, string>) => {
            if (counter !== 'backend_tasks.task.runs.count') return;
            runs.push({
              replica: name,
              taskId: labels.taskId,
              result: labels.result,
              at: Date.now(),
            });
          },
        })) as any,
      });
      const notifications = createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            if (stall && !stall.replica) {
              stall.replica = name;
              stall.at = Date.now();
              stall.entered();
              // A notifications backend that does not answer.
              await blocked;
              return;
            }
            sent.push({
              replica: name,
              scope: options.payload.scope!,
              at: Date.now(),
            });
          },
        }),
      });
      const { database, ...connection } = knex.client.config.connection;
      return startTestApp({
        models: [{ name: 'normal', ...normalModelInput }],
        // Backstage's own database service on the shared database.
        backend: {
          database: {
            client: 'pg',
            connection,
            plugin: { 'release-management': { connection: { database } } },
          },
        },
        releaseManagement: {
          notifications: {
            reminderDays: 2,
            reminderSchedule: {
              frequency: { milliseconds: PERIOD_MS },
              timeout: { milliseconds: TIMEOUT_MS },
            },
          },
        },
        services: [schedulerServiceFactory, notifications, metrics.factory],
      });
    }

    /** Scheduled releases starting tomorrow: each due for a reminder. */
    async function seed(ids: string[]) {
      const store = await DatabaseReleaseStore.create({
        database: { getClient: async () => knex, migrations: { skip: true } },
      });
      const start = Date.now() + DAY_MS;
      for (const id of ids) {
        await store.create(
          draftRelease({
            id,
            status: 'scheduled',
            plannedWindow: {
              start: new Date(start).toISOString(),
              end: new Date(start + 3_600_000).toISOString(),
              timeZone: 'Europe/Oslo',
            },
          }),
          {
            actor: 'user:default/rm',
            at: new Date().toISOString(),
            action: 'created',
            details: {},
          },
        );
      }
    }

    /** Makes the next send hang; resolves once one does, with its replica. */
    function stallNextSend() {
      return new Promise<{ replica: string; at: number }>(resolve => {
        stall = {
          entered: () => {
            resolve({ replica: stall!.replica!, at: stall!.at! });
            stall = undefined;
          },
        };
      });
    }

    const reminderRuns = (result: string, after = 0) =>
      runs.filter(
        r => r.taskId === REMINDERS && r.result === result && r.at >= after,
      );
    const sentFor = (...ids: string[]) =>
      ids.every(id =>
        sent.some(s => s.scope === `release-management:${id}:reminder`),
      );

    beforeAll(async () => {
      knex = await databases.init(databaseId as any);
      replicas.a = await startReplica('a');
      replicas.b = await startReplica('b');
    });

    afterAll(async () => {
      unblock();
    });

    it('runs the global reminder task once per period across both replicas, and sends each reminder once', async () => {
      // The scheduler of each replica has the reminders as a global task
      // and the catalog snapshot (in-memory, one per replica) as local.
      for (const { api } of Object.values(replicas)) {
        const res = await api
          .get(`${base}/.backstage/scheduler/v1/tasks`)
          .set('Authorization', as('user:default/rm'));
        expect(res.status).toBe(200);
        expect(
          Object.fromEntries(
            res.body.tasks.map((t: { taskId: string; scope: string }) => [
              t.taskId,
              t.scope,
            ]),
          ),
        ).toEqual({ [REMINDERS]: 'global', [SNAPSHOT]: 'local' });
      }

      await seed(['r1', 'r2', 'r3']);
      const from = Date.now();
      const periods = 5;
      await sleep(periods * PERIOD_MS);
      const started = reminderRuns('started', from);
      // Two replicas, one run per period: never one per replica.
      expect(started.length).toBeGreaterThanOrEqual(periods - 1);
      expect(started.length).toBeLessThanOrEqual(periods + 1);
      for (let i = 1; i < started.length; i++) {
        expect(started[i].at - started[i - 1].at).toBeGreaterThan(
          PERIOD_MS - 100,
        );
      }
      // Never two runs at once: each run ended before the next started.
      const events = runs
        .filter(r => r.taskId === REMINDERS)
        .map(r => (r.result === 'started' ? 1 : -1));
      let running = 0;
      for (const step of events) {
        running += step;
        expect(running).toBeLessThanOrEqual(1);
      }
      expect(sent.map(s => s.scope).sort()).toEqual([
        'release-management:r1:reminder',
        'release-management:r2:reminder',
        'release-management:r3:reminder',
      ]);
    });

    it('hands a run that hangs on to the next period once the task timeout ends it, and its reminder is sent once', async () => {
      const hung = stallNextSend();
      await seed(['r4', 'r5']);
      const { at: hungAt } = await hung;
      const startedRun = reminderRuns('started').at(-1)!;

      await eventually(
        async () => sentFor('r4', 'r5'),
        TIMEOUT_MS + 2 * PERIOD_MS + SLACK_MS,
        'the reminders of r4 and r5',
      );
      // The scheduler ended the hung run at its timeout, released it, and
      // a run in a later period sent both: r4, whose claim the hung run
      // held until the timeout, and r5, which it never got to.
      const failed = reminderRuns('failed', hungAt)[0];
      expect(failed).toBeDefined();
      expect(failed.replica).toBe(startedRun.replica);
      expect(failed.at - startedRun.at).toBeGreaterThanOrEqual(
        TIMEOUT_MS - 100,
      );
      expect(failed.at - startedRun.at).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      const r4 = sent.find(s => s.scope.includes(':r4:'))!;
      expect(r4.at - hungAt).toBeLessThan(
        TIMEOUT_MS + 2 * PERIOD_MS + SLACK_MS,
      );
      // eslint-disable-next-line no-console
      console.log(
        `hung run ended by the timeout after ${
          failed.at - startedRun.at
        } ms; its reminder sent ${r4.at - hungAt} ms after the send hung`,
      );
    });

    it('hands the run of a replica stopped mid-run on to the other replica, and sends each reminder once', async () => {
      const hung = stallNextSend();
      await seed(['r6', 'r7']);
      const { replica: stopped, at: hungAt } = await hung;
      const other = stopped === 'a' ? 'b' : 'a';

      const stoppedAt = Date.now();
      await replicas[stopped].backend.stop();
      // The stopped run gave up on shutdown and the scheduler released it
      // at once, not only at its timeout.
      const released = await eventually(
        async () => {
          const row = await knex('backstage_backend_tasks__tasks')
            .where({ id: REMINDERS })
            .first();
          return row.current_run_ticket === null && Date.now();
        },
        SLACK_MS,
        'the stopped run to be released',
      );
      expect(released - stoppedAt).toBeLessThan(SLACK_MS);

      await eventually(
        async () => sentFor('r6', 'r7'),
        TIMEOUT_MS + 2 * PERIOD_MS + SLACK_MS,
        'the reminders of r6 and r7',
      );
      const next = reminderRuns('started', stoppedAt)[0];
      expect(next.replica).toBe(other);
      expect(next.at - stoppedAt).toBeLessThan(PERIOD_MS + SLACK_MS);
      // r7 in the first run of the other replica; r6, claimed by the
      // stopped run, once its claim (as long as the timeout) expired.
      const r6 = sent.find(s => s.scope.includes(':r6:'))!;
      expect(r6.replica).toBe(other);
      expect(r6.at - hungAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(r6.at - hungAt).toBeLessThan(
        TIMEOUT_MS + 2 * PERIOD_MS + SLACK_MS,
      );
      // eslint-disable-next-line no-console
      console.log(
        `replica ${stopped} stopped mid-run: released after ${
          released - stoppedAt
        } ms, next run on ${other} after ${
          next.at - stoppedAt
        } ms, the interrupted reminder sent ${r6.at - hungAt} ms after it hung`,
      );

      // A few more periods: nothing is sent again.
      await sleep(2 * PERIOD_MS);
      expect(sent.map(s => s.scope).sort()).toEqual(
        ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map(
          id => `release-management:${id}:reminder`,
        ),
      );
      expect(
        await knex('release_reminders')
          .whereNotNull('claimed_until')
          .count({ n: '*' }),
      ).toEqual([{ n: '0' }]);
      // The other replica goes on running the task, once per period.
      const after = reminderRuns('started', Date.now() - 2 * PERIOD_MS);
      expect(after.every(r => r.replica === other)).toBe(true);
      expect(after.length).toBeGreaterThanOrEqual(1);
    });
  },
);

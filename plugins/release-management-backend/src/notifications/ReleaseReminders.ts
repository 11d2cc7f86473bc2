import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Duration } from 'luxon';
import type { ReleaseStore } from '../database/ReleaseStore';
import type { ReviewStore } from '../database/ReviewStore';
import type { Clock } from '../service/Clock';
import type { ReleaseNotifier } from './ReleaseNotifier';

const DAY_MS = 86_400_000;
/** Most releases reminded of in one run; the next run takes the rest. */
const BATCH = 500;

/** When the reminder task runs unless `reminderSchedule` says otherwise. */
export const DEFAULT_REMINDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 15 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  };

/** Milliseconds in a scheduler duration (luxon or human). */
function durationMs(
  duration: SchedulerServiceTaskScheduleDefinition['timeout'],
) {
  return Duration.isDuration(duration)
    ? duration.toMillis()
    : Duration.fromObject(duration).toMillis();
}

/**
 * Reminds the impacted owners of planned and scheduled releases a few
 * days before they start. The task is global, so of several replicas one
 * runs it at a time; each reminder is also claimed in the database by
 * release and planned start, so a re-run, an overlapping run or a second
 * replica never sends it twice, and a release moved to a new start is
 * reminded of again.
 *
 * A claim lasts as long as the task's timeout and is confirmed once the
 * notification was sent. A run that stops in between (its replica shuts
 * down or dies, the task times out, the notification cannot be sent)
 * leaves an unconfirmed claim that a later run, on any replica, takes over
 * once it has expired: by then the scheduler has aborted the stopped run.
 * A run gives up as soon as the scheduler aborts it, so that the task is
 * handed on at once on shutdown.
 */
export class ReleaseReminders {
  constructor(
    private readonly deps: {
      releaseStore: ReleaseStore;
      store: ReviewStore;
      notifier: ReleaseNotifier;
      clock: Clock;
      logger: LoggerService;
      reminderDays: number;
    },
  ) {}

  /** How long a claim holds: the task's timeout, once scheduled. */
  private claimMs = durationMs(DEFAULT_REMINDER_SCHEDULE.timeout);

  async schedule(
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition = DEFAULT_REMINDER_SCHEDULE,
  ): Promise<void> {
    this.claimMs = durationMs(schedule.timeout);
    await scheduler.scheduleTask({
      ...schedule,
      id: 'release-management-reminders',
      // Whatever the configuration says: one replica at a time.
      scope: 'global',
      fn: async signal => {
        await this.run(signal);
      },
    });
  }

  /**
   * Sends the reminders that are due; returns how many were sent. Stops
   * between reminders once `signal` is aborted (the backend shuts down or
   * the task timed out), so that the scheduler can hand the task on.
   */
  async run(signal?: AbortSignal): Promise<number> {
    const { releaseStore, store, notifier, clock, reminderDays } = this.deps;
    const now = clock.now();
    const until = new Date(now.getTime() + reminderDays * DAY_MS);
    const { items } = await releaseStore.listSummaries({
      statuses: ['planned', 'scheduled'],
      from: now.toISOString(),
      to: until.toISOString(),
      limit: BATCH,
    });
    let sent = 0;
    for (const item of items) {
      signal?.throwIfAborted();
      const start = item.plannedWindow?.start;
      // Overlapping windows include releases already under way.
      if (!start || Date.parse(start) < now.getTime()) continue;
      const claimed = await store.claimReminder(
        item.id,
        start,
        clock.now().toISOString(),
        new Date(clock.now().getTime() + this.claimMs).toISOString(),
      );
      if (!claimed) continue;
      const release = await releaseStore.get(item.id);
      if (!release) continue;
      try {
        await notifier.notify(
          release,
          'reminder',
          undefined,
          String(reminderDays),
          { signal, throwOnFailure: true },
        );
      } catch (error) {
        // Aborted: the run ends here. Failed: the claim expires and a later
        // run tries again.
        signal?.throwIfAborted();
        this.deps.logger.warn(
          `Could not send the reminder of release ${
            item.id
          }; a later run tries again: ${(error as Error).message}`,
        );
        continue;
      }
      await store.confirmReminder(item.id, start, clock.now().toISOString());
      sent++;
    }
    if (sent > 0) {
      this.deps.logger.info(`Sent ${sent} release reminder(s)`);
    }
    return sent;
  }
}

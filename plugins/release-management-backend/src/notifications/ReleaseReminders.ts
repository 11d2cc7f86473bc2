import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { ReleaseStore } from '../database/ReleaseStore';
import type { ReviewStore } from '../database/ReviewStore';
import type { Clock } from '../service/Clock';
import type { ReleaseNotifier } from './ReleaseNotifier';

const DAY_MS = 86_400_000;
/** Most releases reminded of in one run; the next run takes the rest. */
const BATCH = 500;

/**
 * Reminds the impacted owners of planned and scheduled releases a few
 * days before they start. The task is global, so of several replicas one
 * runs it at a time; each reminder is also claimed in the database by
 * release and planned start, so a re-run, an overlapping run or a second
 * replica never sends it twice, and a release moved to a new start is
 * reminded of again.
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

  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: 'release-management-reminders',
      frequency: { minutes: 15 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: async () => {
        await this.run();
      },
    });
  }

  /** Sends the reminders that are due; returns how many were sent. */
  async run(): Promise<number> {
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
      const start = item.plannedWindow?.start;
      // Overlapping windows include releases already under way.
      if (!start || Date.parse(start) < now.getTime()) continue;
      if (!(await store.claimReminder(item.id, start, now.toISOString()))) {
        continue;
      }
      const release = await releaseStore.get(item.id);
      if (!release) continue;
      await notifier.notify(
        release,
        'reminder',
        undefined,
        String(reminderDays),
      );
      sent++;
    }
    if (sent > 0) {
      this.deps.logger.info(`Sent ${sent} release reminder(s)`);
    }
    return sent;
  }
}

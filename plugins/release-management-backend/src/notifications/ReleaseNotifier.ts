import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ReviewStore } from '../database/ReviewStore';
import type { StoredRelease } from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';
import { stagesCompletingWith } from '../domain/lifecycle';
import type { Clock } from '../service/Clock';
import type { ImpactedOwners } from '../service/ImpactedOwners';
import type { ReleaseEvent, ReleaseService } from '../service/ReleaseService';

/** Why owners are told about a release. */
export type NotificationKind =
  | 'scheduled'
  | 'moved'
  | 'cancelled'
  | 'approval-needed'
  | 'reminder';

const when = (release: StoredRelease) =>
  release.plannedWindow
    ? `${release.plannedWindow.start} – ${release.plannedWindow.end} (${release.plannedWindow.timeZone})`
    : 'no planned window';

const TEXT: Record<
  NotificationKind,
  (
    release: StoredRelease,
    detail?: string,
  ) => { title: string; description: string }
> = {
  scheduled: r => ({
    title: `Release scheduled: ${r.title}`,
    description: `${r.title} (${
      r.versionLabel
    }) touches something you own and is scheduled for ${when(r)}.`,
  }),
  moved: (r, before) => ({
    title: `Release moved: ${r.title}`,
    description: `${r.title} (${
      r.versionLabel
    }) touches something you own; its planned window moved from ${before} to ${when(
      r,
    )}.`,
  }),
  cancelled: r => ({
    title: `Release cancelled: ${r.title}`,
    description: `${r.title} (${r.versionLabel}), which touched something you own, was cancelled.`,
  }),
  'approval-needed': r => ({
    title: `Approval needed: ${r.title}`,
    description: `${r.title} (${
      r.versionLabel
    }) touches something you own and needs an approval from its owners before it can be scheduled for ${when(
      r,
    )}.`,
  }),
  reminder: (r, days) => ({
    title: `Release starts soon: ${r.title}`,
    description: `${r.title} (${
      r.versionLabel
    }) touches something you own and starts within ${days} day(s): ${when(r)}.`,
  }),
};

/** Settles as `promise` does, or rejects as soon as `signal` is aborted. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal) {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Tells the owners of entities a release touches what happens to it,
 * through the notifications backend, and records that they were told (the
 * alignment metric counts who then acknowledged). A failed notification
 * is logged, never passed on: the change it reports is already made.
 */
export class ReleaseNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      owners: ImpactedOwners;
      store: ReviewStore;
      releases: ReleaseService;
      clock: Clock;
      logger: LoggerService;
    },
  ) {}

  /** Turns a release event into the notification it calls for, if any. */
  readonly handle = async (event: ReleaseEvent): Promise<void> => {
    const { release, actor } = event;
    if (event.type === 'window-moved') {
      if (['planned', 'scheduled'].includes(release.status)) {
        const before = event.before
          ? `${event.before.start} – ${event.before.end}`
          : 'no window';
        await this.notify(release, 'moved', actor, before);
      }
      return;
    }
    if (release.status === 'scheduled') {
      await this.notify(release, 'scheduled', actor);
    } else if (release.status === 'cancelled') {
      await this.notify(release, 'cancelled', actor);
    } else if (
      release.status === 'planned' &&
      (await this.needsOwnerApproval(release))
    ) {
      await this.notify(release, 'approval-needed', actor);
    }
  };

  async notify(
    release: StoredRelease,
    kind: NotificationKind,
    actor?: Actor,
    detail?: string,
    options: {
      /** Stops waiting for the notifications backend when aborted. */
      signal?: AbortSignal;
      /** Passes a failure on instead of logging it, e.g. to try again. */
      throwOnFailure?: boolean;
    } = {},
  ): Promise<string[]> {
    try {
      options.signal?.throwIfAborted();
      const owners = await this.deps.owners.of(release);
      if (owners.length === 0) return [];
      const { title, description } = TEXT[kind](release, detail);
      await this.deps.store.markNotified(
        release.id,
        owners,
        this.deps.clock.now().toISOString(),
      );
      const sending = this.deps.notifications.send({
        recipients: {
          type: 'entity',
          entityRef: owners,
          // The one who made the change knows about it.
          ...(actor ? { excludeEntityRef: actor.ref } : {}),
        },
        payload: {
          title,
          description,
          // The release page acknowledges for the owner when opened so.
          link: `/release-management/releases/${encodeURIComponent(
            release.id,
          )}?acknowledge=1`,
          severity:
            kind === 'cancelled' || kind === 'moved' ? 'high' : 'normal',
          topic: `Release ${release.title}`,
          // One notification per release and kind: a repeat replaces it.
          scope: `release-management:${release.id}:${kind}`,
        },
      });
      await (options.signal ? untilAborted(sending, options.signal) : sending);
      return owners;
    } catch (error) {
      if (options.throwOnFailure || options.signal?.aborted) throw error;
      this.deps.logger.warn(
        `Could not notify the owners of release ${release.id} (${kind}): ${
          (error as Error).message
        }`,
      );
      return [];
    }
  }

  private async needsOwnerApproval(release: StoredRelease): Promise<boolean> {
    const model = await this.deps.releases.modelDefinition(release);
    return stagesCompletingWith(model, 'scheduled').some(stage =>
      stage.approvals.some(gate => gate.from.type === 'scope-owners'),
    );
  }
}

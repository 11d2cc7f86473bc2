import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  Release,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';
import type { ReleaseStore } from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';
import {
  DEMO_ZONE,
  demoFreezeWindows,
  demoReleases,
  type DemoRelease,
} from './demoData';
import { statusShowcase } from './demoShowcase';
import type { Clock } from './Clock';
import type { DeploymentService } from './DeploymentService';
import type { FreezeWindowService } from './FreezeWindowService';
import type { ReleaseService } from './ReleaseService';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When a step of a demo release happens, relative to its planned window:
 * planned and scheduled days ahead (past every model's lead time), run in
 * the window, verified and closed after it.
 */
function stepTime(
  step: ReleaseStatus | 'created',
  window: { start: number; end: number },
): number {
  switch (step) {
    case 'created':
      return window.start - 10 * DAY;
    case 'draft':
    case 'planned':
      return window.start - 8 * DAY;
    case 'scheduled':
      return window.start - 6 * DAY;
    case 'cancelled':
      return window.start - DAY;
    case 'in-progress':
      return window.start;
    case 'verified':
      return window.end + 2 * HOUR;
    case 'closed':
      return window.end + DAY;
    default:
      // deployed, failed, rolled-back: when the window ends.
      return window.end;
  }
}

const MARKER_ENTITY = 'component:default/cart-service';
const RELEASE_MANAGER = 'user:default/radia.perlman';

/**
 * Fills an empty database with releases in various states around today and
 * a few freeze windows, so a newcomer sees a living calendar. Everything
 * goes through the same services as the API, gates and all: checklists are
 * ticked and approvals given by members of the groups the gates name.
 */
export class DemoDataSeeder {
  constructor(
    private readonly deps: {
      logger: LoggerService;
      auth: AuthService;
      catalog: CatalogService;
      /**
       * The release service as of another time. Past demo releases are
       * replayed at the times they happened, so that gates comparing with
       * "now" (lead times, windows) judge them as they were then.
       */
      releasesAsOf: (clock: Clock) => ReleaseService;
      deployments: DeploymentService;
      releaseStore: ReleaseStore;
      freezeWindows: FreezeWindowService;
      clock: Clock;
    },
  ) {}

  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: 'release-management-demo-data',
      // Retries until the catalog has processed the sample organisation.
      frequency: { seconds: 20 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 5 },
      scope: 'global',
      fn: async () => {
        await this.seedIfEmpty();
      },
    });
  }

  /** Seeds when there are no releases and the sample catalog is loaded. */
  async seedIfEmpty(): Promise<boolean> {
    const { logger, releaseStore, catalog, auth } = this.deps;
    if ((await releaseStore.count()) > 0) return false;
    const credentials = await auth.getOwnServiceCredentials();
    const marker = await catalog.getEntityByRef(MARKER_ENTITY, { credentials });
    if (!marker) {
      logger.info('Demo data waits for the sample catalog to be processed');
      return false;
    }
    const now = DateTime.fromJSDate(this.deps.clock.now(), { zone: DEMO_ZONE });
    const today = now.startOf('day');
    const freezes = demoFreezeWindows(today);
    for (const window of freezes) {
      await this.deps.freezeWindows.create(window, RELEASE_MANAGER);
    }
    const releases = [
      ...demoReleases(today),
      ...statusShowcase(now, DEMO_ZONE, freezes),
    ];
    let stopped = 0;
    for (const demo of releases) {
      try {
        await this.seedRelease(demo);
      } catch (error) {
        // A gate may refuse a move on some dates (a release three days out
        // lands in the Christmas freeze on 31 December): the release stays
        // where it stopped, as it would for a person, and the rest goes on.
        stopped += 1;
        logger.warn(
          `Demo release "${demo.request.title}" stopped short: ${error}`,
        );
      }
    }
    logger.info(
      `Demo releases and freeze windows created (${releases.length} releases, ${stopped} stopped short)`,
    );
    return true;
  }

  private async seedRelease(demo: DemoRelease): Promise<void> {
    const { auth } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const manager = await this.actorFor(RELEASE_MANAGER);
    const now = this.deps.clock.now().getTime();
    const planned = demo.request.plannedWindow;
    const window = {
      start: planned ? Date.parse(planned.start) : now,
      end: planned ? Date.parse(planned.end) : now,
    };
    // Never in the future: a release planned for next week is scheduled now.
    const asOf = (step: ReleaseStatus | 'created') => {
      const at = new Date(Math.min(now, stepTime(step, window)));
      return this.deps.releasesAsOf({ now: () => at });
    };

    let release = await asOf('created').create(
      {
        ...demo.request,
        visibility: demo.request.visibility ?? 'normal',
        releaseManager: RELEASE_MANAGER,
      },
      manager,
      credentials,
    );
    for (const to of demo.path) {
      const releases = asOf(to);
      if (to === 'closed' && demo.review) {
        release = await releases.patch(
          release.id,
          { revision: release.revision, review: demo.review },
          manager,
          credentials,
        );
      }
      if (['deployed', 'failed', 'rolled-back'].includes(to)) {
        await this.recordDeployments(release, to, window, manager);
      }
      release = await this.advance(releases, release, to, manager);
    }
  }

  /**
   * What the pipelines of a running release would have reported: each
   * entity deployed to production in the window; a rolled-back release
   * also redeploys the previous version, which no release covers.
   */
  private async recordDeployments(
    release: Release,
    outcome: ReleaseStatus,
    window: { start: number; end: number },
    manager: Actor,
  ): Promise<void> {
    const startedAt = new Date(window.start + 10 * 60_000).toISOString();
    const finishedAt = new Date(window.start + 40 * 60_000).toISOString();
    for (const item of release.scope) {
      const name = item.entityRef.split('/')[1];
      await this.deps.deployments.record(
        {
          externalId: `demo-${release.id}-${name}`,
          entityRef: item.entityRef,
          environment: 'production',
          version: item.version,
          status: outcome === 'deployed' ? 'succeeded' : 'failed',
          startedAt,
          finishedAt,
          pipelineUrl: `https://ci.fjordline.example/${name}/runs/${release.id}`,
        },
        manager,
      );
      if (outcome === 'rolled-back') {
        await this.deps.deployments.record(
          {
            externalId: `demo-${release.id}-${name}-rollback`,
            entityRef: item.entityRef,
            environment: 'production',
            version: 'previous',
            status: 'succeeded',
            startedAt: new Date(window.start + 60 * 60_000).toISOString(),
            finishedAt: new Date(window.start + 70 * 60_000).toISOString(),
          },
          manager,
        );
      }
    }
  }

  /** Satisfies the gates towards `to` the way people would, then moves. */
  private async advance(
    releases: ReleaseService,
    release: Release,
    to: ReleaseStatus,
    manager: Actor,
  ): Promise<Release> {
    const pending = await releases.pendingGates(release.id);
    const failures = pending.find(p => p.to === to)?.failures ?? [];
    let current = release;
    for (const failure of failures) {
      if (failure.kind === 'checklist') {
        current = await releases.updateChecklistItem(
          current.id,
          failure.id,
          { done: true },
          manager,
        );
      } else if (failure.kind === 'approval') {
        current = await this.approve(
          releases,
          current,
          failure.stage,
          failure.id,
        );
      }
    }
    return releases.transition(
      current.id,
      { to, comment: 'Demo data' },
      manager,
      async () => false,
    );
  }

  private async approve(
    releases: ReleaseService,
    release: Release,
    stageKey: string,
    gateId: string,
  ): Promise<Release> {
    const model = (await releases.modelDefinition(release)).stages.find(
      s => s.key === stageKey,
    )!;
    const gate = model.approvals.find(g => g.id === gateId)!;
    let groupRef: string | undefined;
    if (gate.from.type === 'group') groupRef = gate.from.group;
    if (gate.from.type === 'scope-owners') {
      groupRef = release.scope.find(s => s.owner)?.owner ?? undefined;
    }
    const approvers = groupRef
      ? await this.membersOf(groupRef)
      : [release.releaseManager];
    let current = release;
    for (const approver of approvers.slice(0, gate.count)) {
      current = await releases.decideApproval(
        current.id,
        {
          stage: stageKey,
          gate: gateId,
          decision: 'approve',
          comment: 'Looks good',
        },
        await this.actorFor(approver),
      );
    }
    return current;
  }

  private async membersOf(groupRef: string): Promise<string[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'user', 'relations.memberof': groupRef },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return items
      .map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US'))
      .sort();
  }

  private async actorFor(userRef: string): Promise<Actor> {
    const user = await this.deps.catalog.getEntityByRef(userRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    const groups = (user?.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef);
    return { ref: userRef, ownershipEntityRefs: [userRef, ...groups] };
  }
}

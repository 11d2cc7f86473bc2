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
import { demoFreezeWindows, demoReleases, type DemoRelease } from './demoData';
import type { Clock } from './Clock';
import type { FreezeWindowService } from './FreezeWindowService';
import type { ReleaseService } from './ReleaseService';

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
      releases: ReleaseService;
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
    const today = DateTime.fromJSDate(this.deps.clock.now(), {
      zone: 'Europe/Oslo',
    }).startOf('day');
    for (const window of demoFreezeWindows(today)) {
      await this.deps.freezeWindows.create(window, RELEASE_MANAGER);
    }
    for (const demo of demoReleases(today)) {
      await this.seedRelease(demo);
    }
    logger.info('Demo releases and freeze windows created');
    return true;
  }

  private async seedRelease(demo: DemoRelease): Promise<void> {
    const { releases, auth } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const manager = await this.actorFor(RELEASE_MANAGER);
    let release = await releases.create(
      { ...demo.request, releaseManager: RELEASE_MANAGER },
      manager,
      credentials,
    );
    for (const to of demo.path) {
      if (to === 'closed' && demo.review) {
        release = await releases.patch(
          release.id,
          { revision: release.revision, review: demo.review },
          manager,
          credentials,
        );
      }
      release = await this.advance(release, to, manager);
    }
  }

  /** Satisfies the gates towards `to` the way people would, then moves. */
  private async advance(
    release: Release,
    to: ReleaseStatus,
    manager: Actor,
  ): Promise<Release> {
    const { releases } = this.deps;
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
        current = await this.approve(current, failure.stage, failure.id);
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
    release: Release,
    stageKey: string,
    gateId: string,
  ): Promise<Release> {
    const { releases } = this.deps;
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

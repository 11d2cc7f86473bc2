import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  type GateFailure,
  type Release,
  type ReleaseHistoryEntry,
  type ReleaseModelDefinition,
  type ReleasePage,
  approvalRequestSchema,
  checklistUpdateRequestSchema,
  createReleaseRequestSchema,
  patchReleaseRequestSchema,
  transitionRequestSchema,
} from '@release-management/plugin-release-management-common';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  ReadCriteria,
  ReleaseChange,
  ReleaseListFilter,
  ReleaseStore,
  StoredRelease,
} from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';
import { approvalDecision, checklistTick } from '../domain/gateWork';
import {
  assertOpen,
  assertRevision,
  changedFields,
  sortScope,
} from '../domain/releaseEdits';
import { currentStage } from '../domain/lifecycle';
import type { CatalogScopeResolver } from './CatalogScopeResolver';
import type { Clock } from './Clock';
import { type ConflictChecker, ReleaseGates } from './ReleaseGates';
import type { ReleaseModelService } from './ReleaseModelService';
import type { ReleaseEvent, ReleaseEventListener } from './releaseEvents';
import { releaseNotFound } from '../domain/releaseNotFound';

type Parsed<T extends z.ZodType> = z.output<T>;

export type { ReleaseEvent, ReleaseEventListener } from './releaseEvents';

/**
 * Releases: creation from a model, edits with optimistic concurrency,
 * moves through the gated status machine (whose gates {@link ReleaseGates}
 * holds), checklist and approvals. Every change is one store write that
 * also appends the history entry.
 */
export class ReleaseService {
  private readonly listeners: ReleaseEventListener[] = [];
  private readonly gates: ReleaseGates;

  constructor(
    private readonly store: ReleaseStore,
    private readonly models: ReleaseModelService,
    private readonly scopeResolver: CatalogScopeResolver,
    private readonly clock: Clock,
    conflicts?: ConflictChecker,
  ) {
    this.gates = new ReleaseGates({
      clock,
      modelDefinition: release => this.modelDefinition(release),
      conflicts,
    });
  }

  /** Adds a listener for release events, such as the notifier. */
  onEvent(listener: ReleaseEventListener): void {
    this.listeners.push(listener);
  }

  /**
   * Creates a draft. `authorizeResult` sees the release as it would be
   * stored, scope resolved from the catalog, and may refuse it before
   * anything is written.
   */
  async create(
    request: Parsed<typeof createReleaseRequestSchema>,
    actor: Actor,
    credentials: BackstageCredentials,
    authorizeResult?: (release: StoredRelease) => Promise<void>,
  ): Promise<Release> {
    const model = await this.models.getStored(request.model).catch(error => {
      if (error.name === 'NotFoundError') {
        throw new InputError(
          `model: no release model named "${request.model}"`,
        );
      }
      throw error;
    });
    const releaseManager = request.releaseManager ?? actor.ref;
    if (
      !releaseManager.startsWith('user:') &&
      !releaseManager.startsWith('group:')
    ) {
      throw new InputError(
        'releaseManager: a release created by a service must name its release manager',
      );
    }
    const scope = await this.scopeResolver.resolve(request.scope, credentials);
    const now = this.clock.now().toISOString();
    const release: StoredRelease = {
      id: randomUUID(),
      title: request.title,
      versionLabel: request.versionLabel,
      notes: request.notes,
      releaseManager,
      model: { name: model.name, revision: model.revision },
      status: 'draft',
      visibility: request.visibility,
      scope,
      plannedWindow: request.plannedWindow ?? null,
      actualStart: null,
      actualEnd: null,
      phases: request.phases,
      checklist: [],
      approvals: [],
      review: null,
      verification: null,
      revision: 1,
      createdAt: now,
      createdBy: actor.ref,
      updatedAt: now,
    };
    await authorizeResult?.(release);
    const created = await this.store.create(release, {
      actor: actor.ref,
      at: now,
      action: 'created',
      details: {
        model: release.model,
        title: release.title,
        versionLabel: release.versionLabel,
        scope: request.scope,
        plannedWindow: release.plannedWindow,
      },
    });
    return this.withStage(created);
  }

  async get(id: string): Promise<Release> {
    return this.withStage(await this.getStored(id));
  }

  async getStored(id: string): Promise<StoredRelease> {
    const release = await this.store.get(id);
    if (!release) {
      throw releaseNotFound(id);
    }
    return release;
  }

  async list(filter: ReleaseListFilter): Promise<ReleasePage> {
    const { items, totalCount } = await this.store.list(filter);
    return {
      items: await Promise.all(items.map(r => this.withStage(r))),
      totalCount,
      limit: filter.limit,
      offset: filter.offset,
    };
  }

  async history(id: string): Promise<ReleaseHistoryEntry[]> {
    await this.getStored(id);
    return this.store.history(id);
  }

  async patch(
    id: string,
    request: Parsed<typeof patchReleaseRequestSchema>,
    actor: Actor,
    credentials: BackstageCredentials,
    /** Throws if the caller may not leave the release as it would become. */
    authorizeResult?: (next: StoredRelease) => Promise<void>,
    /** What the caller may read: conflicts with the rest are redacted. */
    readable?: ReadCriteria,
  ): Promise<Release> {
    const release = await this.getStored(id);
    assertOpen(release);
    assertRevision(release, request.revision);

    const { revision, scope, ...rest } = request;
    const { fields, changes } = changedFields(release, rest);
    const change: ReleaseChange = { fields };
    if (scope) {
      const resolved = await this.scopeResolver.resolve(scope, credentials);
      const before = sortScope(release.scope);
      if (JSON.stringify(before) !== JSON.stringify(sortScope(scope))) {
        change.scope = resolved;
        changes.scope = { from: before, to: sortScope(scope) };
      }
    }
    if (Object.keys(changes).length === 0) {
      return this.withStage(release);
    }
    // Permission rules look at the scope, the release manager and the
    // visibility.
    if (
      authorizeResult &&
      (change.scope || fields.releaseManager || fields.visibility)
    ) {
      await authorizeResult({
        ...release,
        ...fields,
        scope: change.scope ?? release.scope,
      });
    }
    const write = (store: ReleaseStore) =>
      store.update(id, revision, change, {
        actor: actor.ref,
        at: this.clock.now().toISOString(),
        action: 'updated',
        details: { changes },
      });
    // A scheduled release passed the conflict check for its window and
    // scope; moving either must pass it again, under the same lock as
    // scheduling, or a release could move into a hard freeze or onto
    // another scheduled release afterwards. (The revision check of the
    // write makes sure the release is still as read here.)
    const recheck =
      release.status === 'scheduled' &&
      this.gates.checksConflicts &&
      (changes.plannedWindow || changes.scope);
    const updated = recheck
      ? await this.store.withSchedulingLock(async store => {
          await this.gates.assertStillSchedulable(
            release,
            {
              ...release,
              ...fields,
              scope: change.scope ?? release.scope,
            },
            readable,
          );
          return write(store);
        })
      : await write(this.store);
    if (changes.plannedWindow) {
      await this.emit({
        type: 'window-moved',
        release: updated,
        before: release.plannedWindow,
        actor,
      });
    }
    return this.withStage(updated);
  }

  /**
   * Moves a release to another status if its model allows the move and the
   * gates of the stages completing with it pass. `canOverride` says whether
   * the caller may go ahead past failed gates with a justification.
   */
  async transition(
    id: string,
    request: Parsed<typeof transitionRequestSchema>,
    actor: Actor,
    canOverride: () => Promise<boolean>,
    /** What the caller may read: conflicts with the rest are redacted. */
    readable?: ReadCriteria,
  ): Promise<Release> {
    const move = (store: ReleaseStore) =>
      this.gates.move(store, id, request, actor, canOverride, readable);
    // Scheduling checks the other releases and then writes: two releases of
    // one entity racing to be scheduled could each pass before the other is
    // stored. Scheduling decisions are therefore taken one at a time.
    const { release, updated } =
      request.to === 'scheduled' && this.gates.checksConflicts
        ? await this.store.withSchedulingLock(move)
        : await move(this.store);
    await this.emit({
      type: 'transitioned',
      release: updated,
      from: release.status,
      actor,
    });
    return this.withStage(updated);
  }

  /** The gates that block each status the release could move to next. */
  async pendingGates(
    id: string,
    readable?: ReadCriteria,
  ): Promise<Array<{ to: string; failures: GateFailure[] }>> {
    return this.gates.pending(await this.getStored(id), readable);
  }

  async decideApproval(
    id: string,
    request: Parsed<typeof approvalRequestSchema>,
    actor: Actor,
  ): Promise<Release> {
    const { release, model } = await this.openRelease(id, request.revision);
    const now = this.clock.now().toISOString();
    const { change, history } = approvalDecision(
      release,
      model,
      request,
      actor,
      now,
    );
    const updated = await this.store.update(
      id,
      release.revision,
      change,
      history,
    );
    return this.withStage(updated);
  }

  async updateChecklistItem(
    id: string,
    itemId: string,
    request: Parsed<typeof checklistUpdateRequestSchema>,
    actor: Actor,
  ): Promise<Release> {
    const { release, model } = await this.openRelease(id, request.revision);
    const now = this.clock.now().toISOString();
    const { change, history } = checklistTick(
      release,
      model,
      itemId,
      request,
      actor,
      now,
    );
    const updated = await this.store.update(
      id,
      release.revision,
      change,
      history,
    );
    return this.withStage(updated);
  }

  /**
   * Records the outcome of a component verification on the release, with
   * a history entry; the release must be at `expectedRevision`.
   */
  async recordVerification(
    id: string,
    expectedRevision: number,
    result: NonNullable<StoredRelease['verification']>,
    actor: Actor,
  ): Promise<Release> {
    const updated = await this.store.update(
      id,
      expectedRevision,
      { fields: { verification: result } },
      {
        actor: actor.ref,
        at: result.checkedAt,
        action: 'components-verified',
        details: {
          status: result.status,
          failed: result.entities
            .filter(e => e.status === 'fail')
            .map(e => e.entityRef),
        },
      },
    );
    return this.withStage(updated);
  }

  /**
   * A release that may still change, at the revision the caller saw if it
   * names one, with its model revision.
   */
  private async openRelease(id: string, revision?: number) {
    const release = await this.getStored(id);
    assertOpen(release);
    if (revision !== undefined) {
      assertRevision(release, revision);
    }
    return { release, model: await this.modelDefinition(release) };
  }

  /** The model revision a release follows. */
  async modelDefinition(
    release: Pick<StoredRelease, 'model'>,
  ): Promise<ReleaseModelDefinition> {
    const revision = await this.models.getRevision(
      release.model.name,
      release.model.revision,
    );
    return revision.definition;
  }

  private async emit(event: ReleaseEvent): Promise<void> {
    for (const listener of this.listeners) {
      await listener(event);
    }
  }

  private async withStage(release: StoredRelease): Promise<Release> {
    const model = await this.modelDefinition(release);
    return {
      ...release,
      currentStage: currentStage(model, release.status)?.key ?? null,
    };
  }
}

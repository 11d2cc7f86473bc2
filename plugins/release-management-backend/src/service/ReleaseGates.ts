import { ConflictError, NotAllowedError } from '@backstage/errors';
import type {
  Conflict,
  GateFailure,
  ReleaseModelDefinition,
  ReleaseStatus,
  transitionRequestSchema,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type {
  ReadCriteria,
  ReleaseStore,
  StoredRelease,
} from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';
import { evaluateGates } from '../domain/gates';
import { allowedTargets } from '../domain/lifecycle';
import { assertRevision } from '../domain/releaseEdits';
import {
  assertMoveAllowed,
  gateVerdict,
  transitionWrite,
} from '../domain/transitionRules';
import type { Clock } from './Clock';
import { releaseNotFound } from '../domain/releaseNotFound';

/**
 * Finds the current conflicts of a stored release; those with releases
 * outside `readable` come as restricted busy blocks, which block alike.
 */
export type ConflictChecker = (
  release: StoredRelease,
  model: ReleaseModelDefinition,
  readable: ReadCriteria,
) => Promise<Conflict[]>;

/**
 * The gates of the release lifecycle: what blocks each move (the model's
 * stage gates and, for scheduling, blocking conflicts of the window), and
 * the gated move itself. The rules are pure (domain/transitionRules,
 * domain/gates); this adds what needs the store and the conflict check.
 */
export class ReleaseGates {
  constructor(
    private readonly deps: {
      clock: Clock;
      modelDefinition: (
        release: Pick<StoredRelease, 'model'>,
      ) => Promise<ReleaseModelDefinition>;
      conflicts?: ConflictChecker;
    },
  ) {}

  /** Whether scheduling depends on other releases: then it takes the scheduling lock. */
  get checksConflicts(): boolean {
    return this.deps.conflicts !== undefined;
  }

  /**
   * Moves a release to another status if its model allows the move and the
   * gates of the stages completing with it pass, reading and writing
   * through `store` (the scheduling lock's, when the caller holds it).
   */
  async move(
    store: ReleaseStore,
    id: string,
    request: z.output<typeof transitionRequestSchema>,
    actor: Actor,
    canOverride: () => Promise<boolean>,
    readable: ReadCriteria,
  ): Promise<{ release: StoredRelease; updated: StoredRelease }> {
    const release = await store.get(id);
    if (!release) {
      throw releaseNotFound(id);
    }
    if (request.revision !== undefined) {
      assertRevision(release, request.revision);
    }
    const model = await this.deps.modelDefinition(release);
    assertMoveAllowed(release, model, request.to);
    const failures = await this.failures(release, model, request.to, readable);
    const verdict = gateVerdict(failures, request);
    if (verdict === 'override' && !(await canOverride())) {
      throw new NotAllowedError(
        'You are not allowed to override the gates of a release',
      );
    }
    const { fields, history } = transitionWrite(
      release,
      request,
      verdict === 'override' ? failures : undefined,
      actor,
      this.deps.clock.now().toISOString(),
    );
    const updated = await store.update(
      id,
      release.revision,
      { fields },
      history,
    );
    return { release, updated };
  }

  /** The gates that block each status the release could move to next. */
  async pending(
    release: StoredRelease,
    readable: ReadCriteria,
  ): Promise<Array<{ to: string; failures: GateFailure[] }>> {
    const model = await this.deps.modelDefinition(release);
    return Promise.all(
      allowedTargets(model, release.status).map(async to => ({
        to,
        failures: await this.failures(release, model, to, readable),
      })),
    );
  }

  /**
   * Refuses a change of a scheduled release that gives it a blocking
   * conflict it did not have: one that scheduling would refuse. Conflicts
   * it already had (scheduled past them with an override) may stay.
   */
  async assertStillSchedulable(
    before: StoredRelease,
    after: StoredRelease,
    readable: ReadCriteria,
  ): Promise<void> {
    const check = this.deps.conflicts;
    if (!check) return;
    const model = await this.deps.modelDefinition(before);
    const blocking = async (release: StoredRelease) =>
      (await check(release, model, readable)).filter(
        c => c.severity === 'blocking',
      );
    const key = (c: Conflict) => `${c.kind}\u0000${c.message}`;
    const had = new Set((await blocking(before)).map(key));
    const added = (await blocking(after)).filter(c => !had.has(key(c)));
    if (added.length > 0) {
      throw new ConflictError(
        `The release is scheduled and cannot move to this window or scope: ${added
          .map(c => c.message)
          .join('; ')}`,
      );
    }
  }

  /**
   * The model's gates, plus blocking conflicts of the planned window when
   * the release is to be scheduled.
   */
  private async failures(
    release: StoredRelease,
    model: ReleaseModelDefinition,
    to: ReleaseStatus,
    readable: ReadCriteria,
  ): Promise<GateFailure[]> {
    const failures = evaluateGates(release, model, to);
    if (to === 'scheduled' && this.deps.conflicts) {
      for (const conflict of await this.deps.conflicts(
        release,
        model,
        readable,
      )) {
        if (conflict.severity !== 'blocking') continue;
        failures.push({
          stage: 'scheduling',
          kind: 'conflict',
          id: conflict.kind,
          message: conflict.message,
          overridable: conflict.overridable,
        });
      }
    }
    return failures;
  }
}

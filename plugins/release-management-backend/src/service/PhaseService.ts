import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  ExposureResponse,
  Release,
  phaseUpdateRequestSchema,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type { ReleaseStore } from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';
import {
  advancePhase,
  exposureOf,
  PHASE_RELEASE_STATUSES,
} from '../domain/phases';
import type { Clock } from './Clock';
import type { ReleaseService } from './ReleaseService';

type PhaseUpdate = z.output<typeof phaseUpdateRequestSchema>;

/** The history action of a ring move; exposure over time is read from it. */
const PHASE_ACTION = 'phase-advanced';

/**
 * Phased and feature-flag rollouts: rings advanced one at a time, each move
 * a history entry carrying the exposure it left, so that exposure over
 * time is the release's own history and never a second record of it.
 */
export class PhaseService {
  constructor(
    private readonly store: ReleaseStore,
    private readonly releases: Pick<ReleaseService, 'getStored' | 'get'>,
    private readonly clock: Clock,
  ) {}

  async advance(
    id: string,
    ring: string,
    request: PhaseUpdate,
    actor: Actor,
  ): Promise<Release> {
    const release = await this.releases.getStored(id);
    if (release.revision !== request.revision) {
      throw new ConflictError(
        `Release ${id} is at revision ${release.revision}, not ${request.revision}; reload it and apply your change again`,
      );
    }
    if (!PHASE_RELEASE_STATUSES.includes(release.status)) {
      throw new ConflictError(
        `Release ${id} is ${
          release.status
        }; its rings move while it is ${PHASE_RELEASE_STATUSES.join(', ')}`,
      );
    }
    const now = this.clock.now().toISOString();
    const at = request.at ?? now;
    const move = advancePhase(release.phases, ring, {
      status: request.status,
      audiencePercent: request.audiencePercent,
      at,
    });
    if (!move.ok) {
      if (move.reason === 'no-such-ring') throw new NotFoundError(move.message);
      throw new ConflictError(move.message);
    }
    await this.store.update(
      id,
      request.revision,
      { fields: { phases: move.phases } },
      {
        actor: actor.ref,
        at: now,
        action: PHASE_ACTION,
        details: {
          ring,
          from: move.from,
          to: move.to,
          at,
          audiencePercent: move.audiencePercent,
          exposurePercent: move.exposurePercent,
          ...(request.note ? { note: request.note } : {}),
        },
      },
    );
    return this.releases.get(id);
  }

  async exposure(id: string): Promise<ExposureResponse> {
    const release = await this.releases.getStored(id);
    const history = await this.store.history(id);
    return {
      releaseId: id,
      currentPercent: exposureOf(release.phases),
      points: history
        .filter(h => h.action === PHASE_ACTION)
        .map(h => ({
          at: String(h.details.at ?? h.at),
          audiencePercent: Number(h.details.exposurePercent),
          ring: String(h.details.ring),
          status: h.details.to as ExposureResponse['points'][number]['status'],
        })),
    };
  }
}

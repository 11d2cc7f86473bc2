import { ConflictError, NotAllowedError } from '@backstage/errors';
import type {
  AcknowledgementsResponse,
  ReleaseRating,
  ReleaseRatingsResponse,
  ReleaseStatus,
  rateReleaseRequestSchema,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type { ReviewStore } from '../database/ReviewStore';
import type { Actor } from '../domain/approvers';
import type { Clock } from './Clock';
import type { ImpactedOwners } from './ImpactedOwners';
import type { ReleaseService } from './ReleaseService';

/** Statuses in which a release has happened, so it can be rated. */
const RATEABLE: ReleaseStatus[] = [
  'deployed',
  'verified',
  'closed',
  'failed',
  'rolled-back',
];

/**
 * The owners' side of a release's review: satisfaction ratings and
 * acknowledgements, both open to owners of impacted entities only.
 */
export class ReviewService {
  constructor(
    private readonly deps: {
      store: ReviewStore;
      releases: ReleaseService;
      owners: ImpactedOwners;
      clock: Clock;
    },
  ) {}

  async rate(
    id: string,
    request: z.output<typeof rateReleaseRequestSchema>,
    actor: Actor,
  ): Promise<ReleaseRating> {
    const release = await this.deps.releases.getStored(id);
    if (!RATEABLE.includes(release.status)) {
      throw new ConflictError(
        `Release ${id} is ${release.status}; it can be rated once it has been deployed, has failed or was rolled back`,
      );
    }
    await this.assertImpactedOwner(release, actor, 'rate');
    return this.deps.store.rate({
      releaseId: id,
      ratedBy: actor.ref,
      rating: request.rating,
      comment: request.comment,
      ratedAt: this.deps.clock.now().toISOString(),
    });
  }

  async ratings(id: string): Promise<ReleaseRatingsResponse> {
    await this.deps.releases.getStored(id);
    const items = await this.deps.store.listRatings(id);
    const sum = items.reduce((total, r) => total + r.rating, 0);
    return {
      items,
      mean: items.length ? Math.round((sum / items.length) * 100) / 100 : null,
      count: items.length,
    };
  }

  /** Records that the caller acknowledged the release for each impacted owner they speak for. */
  async acknowledge(
    id: string,
    actor: Actor,
  ): Promise<AcknowledgementsResponse> {
    const release = await this.deps.releases.getStored(id);
    const theirs = await this.assertImpactedOwner(
      release,
      actor,
      'acknowledge',
    );
    return {
      items: await this.deps.store.acknowledge(
        id,
        theirs,
        actor.ref,
        this.deps.clock.now().toISOString(),
      ),
    };
  }

  async acknowledgements(id: string): Promise<AcknowledgementsResponse> {
    await this.deps.releases.getStored(id);
    return { items: await this.deps.store.listOwners(id) };
  }

  private async assertImpactedOwner(
    release: Parameters<ImpactedOwners['of']>[0],
    actor: Actor,
    what: string,
  ): Promise<string[]> {
    const { all, theirs } = await this.deps.owners.ownedBy(
      release,
      actor.ownershipEntityRefs,
    );
    if (theirs.length === 0) {
      throw new NotAllowedError(
        `Only owners of entities this release touches may ${what} it${
          all.length ? ` (${all.join(', ')})` : ''
        }; ${actor.ref} is not one of them`,
      );
    }
    return theirs;
  }
}

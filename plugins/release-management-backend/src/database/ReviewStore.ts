import type {
  ImpactedOwner,
  ReleaseRating,
} from '@release-management/plugin-release-management-common';

/**
 * What owners of impacted entities tell about a release: satisfaction
 * ratings, and which owners were told about it and acknowledged it.
 */
export interface ReviewStore {
  /** Records a user's rating, replacing their earlier one. */
  rate(rating: ReleaseRating): Promise<ReleaseRating>;
  listRatings(releaseId: string): Promise<ReleaseRating[]>;
  /**
   * Records that owners were told about a release; the first time counts,
   * so telling them again (a moved window) keeps it.
   */
  markNotified(releaseId: string, owners: string[], at: string): Promise<void>;
  /** Records, in one transaction, that `by` acknowledged for `owners`. */
  acknowledge(
    releaseId: string,
    owners: string[],
    by: string,
    at: string,
  ): Promise<ImpactedOwner[]>;
  listOwners(releaseId: string): Promise<ImpactedOwner[]>;
  /**
   * Claims the reminder of a release for one planned start until
   * `claimUntil`; true for the one caller that claimed it, false for every
   * later or concurrent one while it is claimed or once it was sent. A
   * claim that expired unconfirmed (its run stopped before sending) can be
   * claimed again.
   */
  claimReminder(
    releaseId: string,
    plannedStart: string,
    at: string,
    claimUntil: string,
  ): Promise<boolean>;
  /** Marks a claimed reminder sent: it is never claimed again. */
  confirmReminder(
    releaseId: string,
    plannedStart: string,
    at: string,
  ): Promise<void>;
}

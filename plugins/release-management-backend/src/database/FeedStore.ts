import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  CalendarFeed,
  FeedScope,
} from '@release-management/plugin-release-management-common';
import type { ReleaseRuleFilter } from './ReleaseStore';

/** What a feed's owner may see besides releases, as of its last renewal. */
export type FeedSees = { freezes: boolean; maintenanceWindows: boolean };

/** A feed with what its fetch needs. */
export type StoredFeed = CalendarFeed & {
  owner: string;
  readFilter?: PermissionCriteria<ReleaseRuleFilter>;
  sees: FeedSees;
};

/** Storage of calendar feed tokens (hashed). */
export interface FeedStore {
  create(feed: {
    id: string;
    tokenHash: string;
    owner: string;
    title: string;
    scope: FeedScope;
    readFilter?: PermissionCriteria<ReleaseRuleFilter>;
    sees: FeedSees;
    now: string;
    expiresAt: string;
  }): Promise<StoredFeed>;
  findByTokenHash(tokenHash: string): Promise<StoredFeed | undefined>;
  listByOwner(owner: string): Promise<StoredFeed[]>;
  /** Every feed not revoked, newest first, at most `limit`. */
  listActive(limit: number): Promise<StoredFeed[]>;
  /**
   * Marks the feed revoked; false when there is no such active feed (of
   * `owner`, when one is given).
   */
  revoke(id: string, owner: string | undefined, now: string): Promise<boolean>;
  /**
   * Gives the owner's active feed a new expiry and the read criteria the
   * owner has now; undefined when they have no such active feed.
   */
  renew(
    id: string,
    owner: string,
    change: {
      expiresAt: string;
      readFilter?: PermissionCriteria<ReleaseRuleFilter>;
      sees: FeedSees;
    },
  ): Promise<StoredFeed | undefined>;
}

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  CalendarFeed,
  FeedScope,
} from '@release-management/plugin-release-management-common';
import type { ReleaseRuleFilter } from './ReleaseStore';

/** A feed with what its fetch needs. */
export type StoredFeed = CalendarFeed & {
  owner: string;
  readFilter?: PermissionCriteria<ReleaseRuleFilter>;
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
    now: string;
  }): Promise<StoredFeed>;
  findByTokenHash(tokenHash: string): Promise<StoredFeed | undefined>;
  listByOwner(owner: string): Promise<StoredFeed[]>;
  /** Marks the feed revoked; false when the owner has no such feed. */
  revoke(id: string, owner: string, now: string): Promise<boolean>;
}

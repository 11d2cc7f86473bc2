import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  CalendarFeed,
  FeedScope,
  OwnedFeed,
} from '@release-management/plugin-release-management-common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ReleaseRuleFilter } from '../database/ReleaseStore';
import type { Clock } from '../service/Clock';
import type { CalendarService } from './CalendarService';
import type { FeedSees, FeedStore } from '../database/FeedStore';
import { renderIcs } from './ics';

/** How far back and ahead a feed reaches. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 365;
/** How long a feed works before its owner must renew it, by default. */
export const DEFAULT_FEED_EXPIRY_DAYS = 180;
/** The most feeds an administrator's list shows. */
const ADMIN_LIST_LIMIT = 1000;
const DAY_MS = 86_400_000;

const NO_SUCH_FEED = 'No such calendar feed, or it was revoked';
const SEES_ALL: FeedSees = { freezes: true, maintenanceWindows: true };

const hash = (token: string) =>
  createHash('sha256').update(token).digest('hex');

/**
 * Calendar feeds for calendar clients, which cannot send Backstage tokens:
 * a signed-in user creates a feed; its URL carries a random 256-bit token
 * of which only the hash is stored. The feed shows what the user could read
 * when it was made or last renewed (the policy's criteria are stored with
 * it; calendar clients bring no credentials to ask the policy again), and
 * stops working when revoked, when it expires, or when its owner is no
 * longer in the catalog, which is checked at every fetch.
 */
export class FeedService {
  constructor(
    private readonly deps: {
      store: FeedStore;
      calendars: CalendarService;
      clock: Clock;
      /** e.g. http://localhost:7007/api/release-management */
      apiBaseUrl: string;
      /** e.g. http://localhost:3000 */
      appBaseUrl: string;
      /** Whether the user is still in the catalog; read at every fetch. */
      userExists: (userRef: string) => Promise<boolean>;
      expiryDays?: number;
    },
  ) {}

  private expiryFrom(now: Date): string {
    const days = this.deps.expiryDays ?? DEFAULT_FEED_EXPIRY_DAYS;
    return new Date(now.getTime() + days * DAY_MS).toISOString();
  }

  async create(options: {
    owner: string;
    title?: string;
    scope: FeedScope;
    readFilter?: PermissionCriteria<ReleaseRuleFilter>;
    /** Whether the owner may read freeze windows and models; both when not given. */
    sees?: FeedSees;
  }): Promise<CalendarFeed & { url: string }> {
    const token = randomBytes(32).toString('base64url');
    // One instant for both, so a feed lasts exactly its expiry days.
    const now = this.deps.clock.now();
    const feed = await this.deps.store.create({
      id: randomUUID(),
      tokenHash: hash(token),
      owner: options.owner,
      title: options.title ?? defaultTitle(options.scope),
      scope: options.scope,
      readFilter: options.readFilter,
      sees: options.sees ?? SEES_ALL,
      now: now.toISOString(),
      expiresAt: this.expiryFrom(now),
    });
    return {
      ...publicFeed(feed),
      url: `${this.deps.apiBaseUrl}/ics/${token}.ics`,
    };
  }

  async list(owner: string): Promise<CalendarFeed[]> {
    return (await this.deps.store.listByOwner(owner)).map(publicFeed);
  }

  /** Every active feed with its owner, for administrators. */
  async listAll(): Promise<OwnedFeed[]> {
    return (await this.deps.store.listActive(ADMIN_LIST_LIMIT)).map(feed => ({
      ...publicFeed(feed),
      owner: feed.owner,
    }));
  }

  /** Revokes a feed of `owner`, or any feed when `owner` is undefined. */
  async revoke(id: string, owner: string | undefined): Promise<void> {
    if (
      !(await this.deps.store.revoke(
        id,
        owner,
        this.deps.clock.now().toISOString(),
      ))
    ) {
      throw new NotFoundError(
        owner === undefined
          ? `There is no active calendar feed with id "${id}"`
          : `You have no active calendar feed with id "${id}"`,
      );
    }
  }

  /**
   * Another lifetime for the owner's feed, with what they may read now: a
   * policy that changed since the feed was made applies from here on.
   */
  async renew(options: {
    id: string;
    owner: string;
    readFilter?: PermissionCriteria<ReleaseRuleFilter>;
    sees?: FeedSees;
  }): Promise<CalendarFeed> {
    const feed = await this.deps.store.renew(options.id, options.owner, {
      expiresAt: this.expiryFrom(this.deps.clock.now()),
      readFilter: options.readFilter,
      sees: options.sees ?? SEES_ALL,
    });
    if (!feed) {
      throw new NotFoundError(
        `You have no active calendar feed with id "${options.id}"`,
      );
    }
    return publicFeed(feed);
  }

  /** The ICS text of a feed; NotFoundError for unknown or revoked tokens. */
  async render(token: string): Promise<string> {
    const feed = await this.deps.store.findByTokenHash(hash(token));
    if (!feed || feed.revokedAt) throw new NotFoundError(NO_SUCH_FEED);
    const now = this.deps.clock.now().getTime();
    if (Date.parse(feed.expiresAt) <= now) {
      throw new NotFoundError(
        `This calendar feed expired on ${feed.expiresAt}; its owner can renew it in Backstage`,
      );
    }
    // Someone who left (removed from the catalog) takes their feeds along.
    const ownerExists = await this.deps.userExists(feed.owner).catch(() => {
      throw new ServiceUnavailableError(
        "The catalog could not be read to check the feed's owner; try again",
      );
    });
    if (!ownerExists) throw new NotFoundError(NO_SUCH_FEED);
    const scope = feed.scope;
    const calendar = await this.deps.calendars.calendar({
      from: new Date(now - FEED_PAST_DAYS * 86_400_000).toISOString(),
      to: new Date(now + FEED_FUTURE_DAYS * 86_400_000).toISOString(),
      neighbours: scope.type === 'entity' ? scope.neighbours : 'none',
      ...(scope.type === 'entity' ? { entityRef: scope.entityRef } : {}),
      ...(scope.type === 'system' ? { system: scope.ref } : {}),
      ...(scope.type === 'group' ? { owner: scope.ref } : {}),
      permission: feed.readFilter,
      freezes: feed.sees.freezes,
      maintenanceWindows: feed.sees.maintenanceWindows,
    });
    return renderIcs(feed.title, calendar, this.deps.appBaseUrl);
  }
}

function defaultTitle(scope: FeedScope): string {
  switch (scope.type) {
    case 'entity':
      return `Releases: ${scope.entityRef}`;
    case 'system':
    case 'group':
      return `Releases: ${scope.ref}`;
    default:
      return 'Releases';
  }
}

function publicFeed(feed: CalendarFeed): CalendarFeed {
  return {
    id: feed.id,
    title: feed.title,
    scope: feed.scope,
    createdAt: feed.createdAt,
    expiresAt: feed.expiresAt,
    revokedAt: feed.revokedAt,
  };
}

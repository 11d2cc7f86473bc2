import { NotFoundError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  CalendarFeed,
  FeedScope,
} from '@release-management/plugin-release-management-common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ReleaseRuleFilter } from '../database/ReleaseStore';
import type { Clock } from '../service/Clock';
import type { CalendarService } from './CalendarService';
import type { FeedStore } from '../database/FeedStore';
import { renderIcs } from './ics';

/** How far back and ahead a feed reaches. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 365;

const hash = (token: string) =>
  createHash('sha256').update(token).digest('hex');

/**
 * Calendar feeds for calendar clients, which cannot send Backstage tokens:
 * a signed-in user creates a feed; its URL carries a random 256-bit token
 * of which only the hash is stored. The feed shows what the user could read
 * when it was made (the policy's criteria are stored with it) and stops
 * working when revoked.
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
    },
  ) {}

  async create(options: {
    owner: string;
    title?: string;
    scope: FeedScope;
    readFilter?: PermissionCriteria<ReleaseRuleFilter>;
  }): Promise<CalendarFeed & { url: string }> {
    const token = randomBytes(32).toString('base64url');
    const feed = await this.deps.store.create({
      id: randomUUID(),
      tokenHash: hash(token),
      owner: options.owner,
      title: options.title ?? defaultTitle(options.scope),
      scope: options.scope,
      readFilter: options.readFilter,
      now: this.deps.clock.now().toISOString(),
    });
    return {
      ...publicFeed(feed),
      url: `${this.deps.apiBaseUrl}/ics/${token}.ics`,
    };
  }

  async list(owner: string): Promise<CalendarFeed[]> {
    return (await this.deps.store.listByOwner(owner)).map(publicFeed);
  }

  async revoke(id: string, owner: string): Promise<void> {
    if (
      !(await this.deps.store.revoke(
        id,
        owner,
        this.deps.clock.now().toISOString(),
      ))
    ) {
      throw new NotFoundError(
        `You have no active calendar feed with id "${id}"`,
      );
    }
  }

  /** The ICS text of a feed; NotFoundError for unknown or revoked tokens. */
  async render(token: string): Promise<string> {
    const feed = await this.deps.store.findByTokenHash(hash(token));
    if (!feed || feed.revokedAt) {
      throw new NotFoundError('No such calendar feed, or it was revoked');
    }
    const now = this.deps.clock.now().getTime();
    const scope = feed.scope;
    const calendar = await this.deps.calendars.calendar({
      from: new Date(now - FEED_PAST_DAYS * 86_400_000).toISOString(),
      to: new Date(now + FEED_FUTURE_DAYS * 86_400_000).toISOString(),
      neighbours: scope.type === 'entity' ? scope.neighbours : 'none',
      ...(scope.type === 'entity' ? { entityRef: scope.entityRef } : {}),
      ...(scope.type === 'system' ? { system: scope.ref } : {}),
      ...(scope.type === 'group' ? { owner: scope.ref } : {}),
      permission: feed.readFilter,
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
    revokedAt: feed.revokedAt,
  };
}

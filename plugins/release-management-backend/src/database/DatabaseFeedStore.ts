import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { FeedScope } from '@release-management/plugin-release-management-common';
import type { Knex } from 'knex';
import { getMigratedClient } from './migrations';
import type { FeedStore, StoredFeed } from './FeedStore';

type FeedRow = {
  id: string;
  token_hash: string;
  owner: string;
  title: string;
  scope: string;
  read_filter: string | null;
  created_at: string;
  expires_at: string;
  shows_freezes: boolean | number;
  shows_maintenance: boolean | number;
  revoked_at: string | null;
};

/** Calendar feeds in the plugin's database. */
export class DatabaseFeedStore implements FeedStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseFeedStore> {
    return new DatabaseFeedStore(await getMigratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async create(feed: Parameters<FeedStore['create']>[0]): Promise<StoredFeed> {
    await this.db<FeedRow>('calendar_feeds').insert({
      id: feed.id,
      token_hash: feed.tokenHash,
      owner: feed.owner,
      title: feed.title,
      scope: JSON.stringify(feed.scope),
      read_filter: feed.readFilter ? JSON.stringify(feed.readFilter) : null,
      created_at: feed.now,
      expires_at: feed.expiresAt,
      shows_freezes: feed.sees.freezes,
      shows_maintenance: feed.sees.maintenanceWindows,
      revoked_at: null,
    });
    const row = await this.db<FeedRow>('calendar_feeds')
      .where({ id: feed.id })
      .first();
    return toFeed(row!);
  }

  async findByTokenHash(tokenHash: string): Promise<StoredFeed | undefined> {
    const row = await this.db<FeedRow>('calendar_feeds')
      .where({ token_hash: tokenHash })
      .first();
    return row ? toFeed(row) : undefined;
  }

  async listByOwner(owner: string): Promise<StoredFeed[]> {
    const rows = await this.db<FeedRow>('calendar_feeds')
      .where({ owner })
      .orderBy('created_at', 'desc');
    return rows.map(toFeed);
  }

  async listActive(limit: number): Promise<StoredFeed[]> {
    const rows = await this.db<FeedRow>('calendar_feeds')
      .whereNull('revoked_at')
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map(toFeed);
  }

  async revoke(
    id: string,
    owner: string | undefined,
    now: string,
  ): Promise<boolean> {
    const updated = await this.db<FeedRow>('calendar_feeds')
      .where({ id })
      .modify(q => {
        if (owner !== undefined) q.where({ owner });
      })
      .whereNull('revoked_at')
      .update({ revoked_at: now });
    return updated > 0;
  }

  async renew(
    id: string,
    owner: string,
    change: Parameters<FeedStore['renew']>[2],
  ): Promise<StoredFeed | undefined> {
    const updated = await this.db<FeedRow>('calendar_feeds')
      .where({ id, owner })
      .whereNull('revoked_at')
      .update({
        expires_at: change.expiresAt,
        read_filter: change.readFilter
          ? JSON.stringify(change.readFilter)
          : null,
        shows_freezes: change.sees.freezes,
        shows_maintenance: change.sees.maintenanceWindows,
      });
    if (updated === 0) return undefined;
    const row = await this.db<FeedRow>('calendar_feeds').where({ id }).first();
    return toFeed(row!);
  }
}

function toFeed(row: FeedRow): StoredFeed {
  return {
    id: row.id,
    owner: row.owner,
    title: row.title,
    scope: JSON.parse(row.scope) as FeedScope,
    ...(row.read_filter ? { readFilter: JSON.parse(row.read_filter) } : {}),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    sees: {
      freezes: Boolean(row.shows_freezes),
      maintenanceWindows: Boolean(row.shows_maintenance),
    },
  };
}

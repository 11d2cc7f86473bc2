import { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  ImpactedOwner,
  ReleaseRating,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { toStoredInstant } from './instants';
import { getMigratedClient } from './migrations';
import type { ReviewStore } from './ReviewStore';

type RatingRow = {
  release_id: string;
  rated_by: string;
  rating: number;
  comment: string;
  rated_at: string;
};

type OwnerRow = {
  release_id: string;
  owner_ref: string;
  notified_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
};

/** Ratings, impacted owners and reminders in the plugin's database. */
export class DatabaseReviewStore implements ReviewStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReviewStore> {
    return new DatabaseReviewStore(await getMigratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async rate(rating: ReleaseRating): Promise<ReleaseRating> {
    const row: RatingRow = {
      release_id: rating.releaseId,
      rated_by: rating.ratedBy,
      rating: rating.rating,
      comment: rating.comment,
      rated_at: toStoredInstant(rating.ratedAt),
    };
    await this.db<RatingRow>('release_ratings')
      .insert(row)
      .onConflict(['release_id', 'rated_by'])
      .merge(['rating', 'comment', 'rated_at']);
    return ratingFromRow(row);
  }

  async listRatings(releaseId: string): Promise<ReleaseRating[]> {
    const rows = await this.db<RatingRow>('release_ratings')
      .where({ release_id: releaseId })
      .orderBy('rated_at', 'asc')
      .orderBy('rated_by', 'asc');
    return rows.map(ratingFromRow);
  }

  async markNotified(
    releaseId: string,
    owners: string[],
    at: string,
  ): Promise<void> {
    if (owners.length === 0) return;
    await this.db.transaction(async tx => {
      await tx<OwnerRow>('release_impacted_owners')
        .insert(
          owners.map(owner => ({
            release_id: releaseId,
            owner_ref: owner,
            notified_at: toStoredInstant(at),
            acknowledged_by: null,
            acknowledged_at: null,
          })),
        )
        .onConflict(['release_id', 'owner_ref'])
        .ignore();
      // An owner who acknowledged before being told keeps the row; it
      // still gets the time it was first told.
      await tx<OwnerRow>('release_impacted_owners')
        .where({ release_id: releaseId })
        .whereIn('owner_ref', owners)
        .whereNull('notified_at')
        .update({ notified_at: toStoredInstant(at) });
    });
  }

  async acknowledge(
    releaseId: string,
    owners: string[],
    by: string,
    at: string,
  ): Promise<ImpactedOwner[]> {
    await this.db.transaction(async tx => {
      for (const owner of owners) {
        await tx<OwnerRow>('release_impacted_owners')
          .insert({
            release_id: releaseId,
            owner_ref: owner,
            notified_at: null,
            acknowledged_by: by,
            acknowledged_at: toStoredInstant(at),
          })
          .onConflict(['release_id', 'owner_ref'])
          .merge(['acknowledged_by', 'acknowledged_at']);
      }
    });
    return this.listOwners(releaseId);
  }

  async listOwners(releaseId: string): Promise<ImpactedOwner[]> {
    const rows = await this.db<OwnerRow>('release_impacted_owners')
      .where({ release_id: releaseId })
      .orderBy('owner_ref', 'asc');
    return rows.map(row => ({
      ownerRef: row.owner_ref,
      notifiedAt: row.notified_at,
      acknowledgedBy: row.acknowledged_by,
      acknowledgedAt: row.acknowledged_at,
    }));
  }

  async claimReminder(
    releaseId: string,
    plannedStart: string,
    at: string,
    claimUntil: string,
  ): Promise<boolean> {
    // Insert on the primary key, or take over a claim that expired before
    // its reminder was sent: of two replicas or two runs, exactly one gets
    // the row and so sends the reminder.
    const claimed = await this.db('release_reminders')
      .insert({
        release_id: releaseId,
        planned_start: toStoredInstant(plannedStart),
        sent_at: toStoredInstant(at),
        claimed_until: toStoredInstant(claimUntil),
      })
      .onConflict(['release_id', 'planned_start'])
      .merge(['sent_at', 'claimed_until'])
      .whereNotNull('release_reminders.claimed_until')
      .andWhere('release_reminders.claimed_until', '<', toStoredInstant(at))
      .returning('release_id');
    return claimed.length > 0;
  }

  async confirmReminder(
    releaseId: string,
    plannedStart: string,
    at: string,
  ): Promise<void> {
    await this.db('release_reminders')
      .where({
        release_id: releaseId,
        planned_start: toStoredInstant(plannedStart),
      })
      .update({ sent_at: toStoredInstant(at), claimed_until: null });
  }
}

function ratingFromRow(row: RatingRow): ReleaseRating {
  return {
    releaseId: row.release_id,
    ratedBy: row.rated_by,
    rating: Number(row.rating),
    comment: row.comment,
    ratedAt: row.rated_at,
  };
}

import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  FreezeSeverity,
  FreezeWindow,
  FreezeWindowDefinition,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { getMigratedClient } from './migrations';
import type { FreezeWindowStore } from './FreezeWindowStore';
import { toStoredInstant } from './instants';

type FreezeWindowRow = {
  id: string;
  title: string;
  reason: string;
  severity: FreezeSeverity;
  start_at: string;
  end_at: string;
  time_zone: string;
  rrule: string | null;
  scope: string;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** Freeze windows in the plugin's database. */
export class DatabaseFreezeWindowStore implements FreezeWindowStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseFreezeWindowStore> {
    return new DatabaseFreezeWindowStore(
      await getMigratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async list(): Promise<FreezeWindow[]> {
    const rows = await this.db<FreezeWindowRow>('freeze_windows').orderBy([
      'start_at',
      'id',
    ]);
    return rows.map(toFreezeWindow);
  }

  async listCandidates(from: string, to: string): Promise<FreezeWindow[]> {
    const rows = await this.db<FreezeWindowRow>('freeze_windows')
      .where('start_at', '<', toStoredInstant(to))
      .andWhere(q =>
        q.whereNotNull('rrule').orWhere('end_at', '>', toStoredInstant(from)),
      )
      .orderBy(['start_at', 'id']);
    return rows.map(toFreezeWindow);
  }

  async get(id: string): Promise<FreezeWindow | undefined> {
    const row = await this.db<FreezeWindowRow>('freeze_windows')
      .where({ id })
      .first();
    return row ? toFreezeWindow(row) : undefined;
  }

  async create(options: {
    id: string;
    definition: FreezeWindowDefinition;
    actor: string;
    now: string;
  }): Promise<FreezeWindow> {
    const { id, definition, actor, now } = options;
    await this.db<FreezeWindowRow>('freeze_windows').insert({
      id,
      ...toColumns(definition),
      revision: 1,
      created_by: actor,
      created_at: now,
      updated_at: now,
    });
    return (await this.get(id))!;
  }

  async update(options: {
    id: string;
    expectedRevision: number;
    definition: FreezeWindowDefinition;
    now: string;
  }): Promise<FreezeWindow> {
    const { id, expectedRevision, definition, now } = options;
    const updated = await this.db<FreezeWindowRow>('freeze_windows')
      .where({ id, revision: expectedRevision })
      .update({
        ...toColumns(definition),
        revision: expectedRevision + 1,
        updated_at: now,
      });
    if (updated === 0) {
      const current = await this.get(id);
      if (!current) {
        throw new NotFoundError(`No freeze window with id "${id}"`);
      }
      throw new ConflictError(
        `Freeze window ${id} is at revision ${current.revision}, not ${expectedRevision}; reload it and apply your change again`,
      );
    }
    return (await this.get(id))!;
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.db<FreezeWindowRow>('freeze_windows')
      .where({ id })
      .delete();
    if (deleted === 0) {
      throw new NotFoundError(`No freeze window with id "${id}"`);
    }
  }
}

function toColumns(definition: FreezeWindowDefinition) {
  return {
    title: definition.title,
    reason: definition.reason,
    severity: definition.severity,
    start_at: toStoredInstant(definition.start),
    end_at: toStoredInstant(definition.end),
    time_zone: definition.timeZone,
    rrule: definition.rrule ?? null,
    scope: JSON.stringify(definition.scope),
  };
}

function toFreezeWindow(row: FreezeWindowRow): FreezeWindow {
  return {
    id: row.id,
    title: row.title,
    reason: row.reason,
    severity: row.severity,
    start: row.start_at,
    end: row.end_at,
    timeZone: row.time_zone,
    ...(row.rrule ? { rrule: row.rrule } : {}),
    scope: JSON.parse(row.scope),
    revision: Number(row.revision),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

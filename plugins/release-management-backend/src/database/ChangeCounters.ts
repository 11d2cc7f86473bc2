import type { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { getMigratedClient } from './migrations';

/** A table whose writes a change counter counts (see the migration). */
export type CountedTable = 'releases' | 'freeze_windows' | 'release_models';

/**
 * Reads the change counters that triggers bump on every write to the
 * tables replicas keep in memory. One indexed read of a three-row table
 * tells a cache whether anything changed since it last looked, in this
 * replica or another.
 */
export class ChangeCounters {
  static async create(options: {
    database: DatabaseService;
  }): Promise<ChangeCounters> {
    return new ChangeCounters(await getMigratedClient(options.database));
  }

  private shared?: Promise<Map<string, number>>;

  constructor(private readonly db: Knex) {}

  /**
   * The counters as committed now.
   */
  read(): Promise<Map<string, number>> {
    if (!this.shared) {
      const query = this.db('change_counters')
        .select('name', 'seq')
        .then(
          (rows: Array<{ name: string; seq: number | string }>) =>
            new Map(rows.map(r => [r.name, Number(r.seq)])),
        );
      this.shared = query;
      // Shared only by calls of the same synchronous run (such as the
      // branches of one Promise.all): the query runs after it, so it sees
      // every write committed before them. A later call, even one in a
      // microtask, may come after a write and asks again.
      queueMicrotask(() => {
        if (this.shared === query) this.shared = undefined;
      });
    }
    return this.shared;
  }

  async get(table: CountedTable): Promise<number> {
    const value = (await this.read()).get(table);
    if (value === undefined) {
      throw new Error(`No change counter for ${table}`);
    }
    return value;
  }
}

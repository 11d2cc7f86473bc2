import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
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

  /** The read started during the current synchronous run, if any. */
  private shared?: Promise<Map<string, number>>;
  /** The read on its way to the database. */
  private running?: Promise<Map<string, number>>;
  /** The read that starts once the running one is back, shared by all who wait. */
  private queued?: Promise<Map<string, number>>;

  constructor(
    private readonly db: Knex,
    /**
     * How long a read may take. Every request waits for the read on its
     * way, so one that hangs (a half-open connection) must not hold them
     * all: it fails with 503 and the waiting requests get a new read.
     */
    private readonly readTimeoutMs = 5_000,
  ) {}

  /**
   * The counters as committed now: every write committed before the call
   * is counted in the answer.
   *
   * Every request reads the counters, so under load they are shared, in
   * two ways that keep that promise. Calls of the same synchronous run
   * (such as the branches of one Promise.all) share the read one of them
   * starts, which is sent after all of them. A call that finds a read
   * already on its way cannot use it (the read may have left before a write
   * the caller saw committed); it waits for the next one, which starts when
   * that read is back and serves everybody who came in the meantime. So
   * reads go out one after another, not one per request.
   */
  read(): Promise<Map<string, number>> {
    if (this.shared) return this.shared;
    if (!this.running) return this.start();
    if (!this.queued) {
      const after = () => {
        this.queued = undefined;
        return this.start();
      };
      this.queued = this.running.then(after, after);
    }
    return this.queued;
  }

  private start(): Promise<Map<string, number>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const query = Promise.race([
      this.db('change_counters').select('name', 'seq'),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new ServiceUnavailableError(
                `The database did not answer in ${this.readTimeoutMs} ms; try again`,
              ),
            ),
          this.readTimeoutMs,
        );
        timer.unref?.();
      }),
    ])
      .then(
        (rows: Array<{ name: string; seq: number | string }>) =>
          new Map(rows.map(r => [r.name, Number(r.seq)])),
      )
      .finally(() => clearTimeout(timer));
    this.shared = query;
    this.running = query;
    queueMicrotask(() => {
      if (this.shared === query) this.shared = undefined;
    });
    const done = () => {
      if (this.running === query) this.running = undefined;
    };
    query.then(done, done);
    return query;
  }

  async get(table: CountedTable): Promise<number> {
    const value = (await this.read()).get(table);
    if (value === undefined) {
      throw new Error(`No change counter for ${table}`);
    }
    return value;
  }
}

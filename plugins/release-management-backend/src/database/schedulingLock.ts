import { ServiceUnavailableError } from '@backstage/errors';
import { Knex } from 'knex';
import { isDatabaseUnavailable } from './unavailable';

/** How long scheduling decisions may wait and hold the lock. */
export type SchedulingLockOptions = {
  /** The longest wait for a turn: in this process and for the lock. */
  waitMs: number;
  /** The longest statement or idle pause of a decision holding the lock. */
  holdMs: number;
};

export const DEFAULT_SCHEDULING_LOCK: SchedulingLockOptions = {
  waitMs: 10_000,
  holdMs: 30_000,
};

/**
 * Scheduling decisions of one process, one at a time: enough on SQLite,
 * whose single writer is this process, and on PostgreSQL it keeps waiting
 * callers from holding a pooled connection each. Each caller waits for the
 * one before it a bounded time, and always hands its turn on, also when its
 * decision fails or it gave up waiting.
 */
export class SchedulingTurns {
  /** Settles when the last decision taken has. */
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly waitMs: number) {}

  async take<T>(decide: () => Promise<T>): Promise<T> {
    const previous = this.last;
    let handOn!: () => void;
    const turn = new Promise<void>(resolve => {
      handOn = resolve;
    });
    this.last = previous.then(() => turn);
    try {
      await waitAtMost(
        previous,
        this.waitMs,
        `another decision took longer than ${this.waitMs} ms`,
      );
      return await decide();
    } finally {
      handOn();
    }
  }
}

/**
 * On PostgreSQL, replicas wait for each other on a transaction-level
 * advisory lock, released when the transaction ends, also when the
 * connection drops. One lock for every entity: decisions also depend on
 * neighbours and per-system limits, and scheduling is rare enough.
 *
 * `decide` gets the lock's own transaction, and writes the decision there:
 * a holder whose connection dies (and so loses the lock) cannot write a
 * decision afterwards, while the next one already decides. Waits are
 * bounded: the lock for `waitMs`, and the server ends a holder that stays
 * idle or runs a statement longer than `holdMs` (a replica that hangs or
 * vanishes without closing its connection). Elsewhere `decide` runs on
 * `db` itself.
 */
export async function lockAcrossReplicas<T>(
  db: Knex,
  { waitMs, holdMs }: SchedulingLockOptions,
  decide: (db: Knex) => Promise<T>,
): Promise<T> {
  if (db.client.config.client !== 'pg') {
    return decide(db);
  }
  return db.transaction(async tx => {
    await tx.raw(
      `SET LOCAL lock_timeout = ${Math.ceil(waitMs)};
       SET LOCAL statement_timeout = ${Math.ceil(holdMs)};
       SET LOCAL idle_in_transaction_session_timeout = ${Math.ceil(holdMs)}`,
    );
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
      'release-management:scheduling',
    ]);
    // A transaction ends (and gives its connection back) only when its
    // callback does, even once the server has ended it: a decision still
    // running after holdMs is given up, so that neither the connection nor
    // this process's queue stays taken by it.
    return await waitAtMost(
      decide(tx),
      holdMs,
      `the decision took longer than ${holdMs} ms`,
    );
  });
}

const TRY_AGAIN =
  'Scheduling decisions are taken one at a time and this one could not be taken now; try again';

async function waitAtMost<T>(
  work: Promise<T>,
  ms: number,
  why: string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ServiceUnavailableError(`${TRY_AGAIN}: ${why}`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// lock_not_available, query_canceled (statement timeout),
// idle_in_transaction_session_timeout.
const LOCK_GONE_REASONS: Record<string, string> = {
  '55P03': 'another decision held the scheduling lock too long',
  '57014': 'the decision took too long and was ended',
  '25P03': 'the decision paused too long and was ended',
};
const LOCK_GONE_CODES = new Set(Object.keys(LOCK_GONE_REASONS));

/**
 * A decision that ended because the lock could not be had in time or its
 * connection died: nothing of it was written (the write is on the lock's
 * transaction), so the caller may try again.
 */
export function asSchedulingUnavailable(error: unknown): unknown {
  const e = error as { code?: string; message?: string };
  if ((e?.code && LOCK_GONE_CODES.has(e.code)) || isDatabaseUnavailable(e)) {
    // Said in our words: the database's own text (host names, statements)
    // is for the log, not for the caller.
    return new ServiceUnavailableError(
      `${TRY_AGAIN}: ${
        LOCK_GONE_REASONS[e.code ?? ''] ?? 'the database connection was lost'
      }`,
    );
  }
  return error;
}

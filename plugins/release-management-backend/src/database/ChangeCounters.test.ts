import { ChangeCounters } from './ChangeCounters';

/**
 * A stand-in for the database: each query holds the counter's value when
 * it was sent and waits until the test answers it, so the test decides
 * what committed before which read.
 */
function fakeDatabase() {
  const pending: Array<() => void> = [];
  let seq = 1;
  const db = (table: string) => {
    expect(table).toBe('change_counters');
    return {
      select: () => {
        // The worst case for a cache: the database reads the counter the
        // moment the query is sent, and the answer arrives when the test
        // lets it.
        const value = seq;
        return new Promise(resolve => {
          pending.push(() => resolve([{ name: 'releases', seq: value }]));
        });
      },
    };
  };
  return {
    counters: new ChangeCounters(db as any),
    commitWrite: () => seq++,
    queries: () => pending.length,
    /** Runs the oldest query that has not run yet. */
    async answer() {
      pending.shift()!();
      // Let the answer and what it starts (a queued read) go through.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('ChangeCounters', () => {
  it('shares one read among the calls of one synchronous run', async () => {
    const db = fakeDatabase();
    const reads = [
      db.counters.get('releases'),
      db.counters.get('releases'),
      db.counters.read(),
    ];
    expect(db.queries()).toBe(1);
    await db.answer();
    await expect(Promise.all(reads)).resolves.toEqual([
      1,
      1,
      new Map([['releases', 1]]),
    ]);
  });

  it('makes a call that finds a read on its way wait for a later one, which sees writes committed before the call', async () => {
    const db = fakeDatabase();
    const first = db.counters.get('releases');
    await Promise.resolve();
    // A write commits after the first read was sent, then two more calls
    // come: the first read must not answer them.
    db.commitWrite();
    const second = db.counters.get('releases');
    const third = db.counters.get('releases');
    expect(db.queries()).toBe(1);
    await db.answer();
    await expect(first).resolves.toBe(1);
    // One read now serves both waiting calls.
    expect(db.queries()).toBe(1);
    await db.answer();
    await expect(second).resolves.toBe(2);
    await expect(third).resolves.toBe(2);
    expect(db.queries()).toBe(0);
  });

  it('starts a new read for a call after the last one is back', async () => {
    const db = fakeDatabase();
    const first = db.counters.get('releases');
    await db.answer();
    await expect(first).resolves.toBe(1);
    db.commitWrite();
    const later = db.counters.get('releases');
    expect(db.queries()).toBe(1);
    await db.answer();
    await expect(later).resolves.toBe(2);
  });

  it('still reads for the waiting calls when the read on its way fails', async () => {
    let calls = 0;
    const db = (_table: string) => ({
      select: () =>
        ++calls === 1
          ? Promise.reject(new Error('connection reset'))
          : Promise.resolve([{ name: 'releases', seq: 7 }]),
    });
    const counters = new ChangeCounters(db as any);
    const failing = counters.get('releases');
    await Promise.resolve();
    const waiting = counters.get('releases');
    await expect(failing).rejects.toThrow('connection reset');
    await expect(waiting).resolves.toBe(7);
    expect(calls).toBe(2);
  });

  it('fails a read the database does not answer in time with 503, and gives the calls waiting for it a new read', async () => {
    let calls = 0;
    const db = (_table: string) => ({
      select: () =>
        ++calls === 1
          ? new Promise(() => {}) // a connection that never answers
          : Promise.resolve([{ name: 'releases', seq: 3 }]),
    });
    const counters = new ChangeCounters(db as any, 50);
    const hung = counters.get('releases');
    await Promise.resolve();
    const waiting = counters.get('releases');
    await expect(hung).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'The database did not answer in 50 ms; try again',
    });
    await expect(waiting).resolves.toBe(3);
    expect(calls).toBe(2);
  });
});

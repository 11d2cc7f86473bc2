/**
 * Whether an error means the database could not be reached or ended the
 * connection (restart, failover, network), rather than refused a query:
 * the request did not complete and may be tried again, so it answers 503
 * rather than 500. A write that failed so was rolled back, or, when the
 * connection dropped during its commit, stored whole.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return (
    // Socket errors of the driver.
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(
      code,
    ) ||
    // PostgreSQL: connection exceptions (08xxx), shutdown, starting up.
    /^08...$/.test(code) ||
    ['57P01', '57P02', '57P03'].includes(code) ||
    // The pg driver and knex, on a connection that ended under them.
    /Connection terminated|not queryable|Connection ended unexpectedly|Timeout acquiring a connection/i.test(
      message,
    )
  );
}

import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditEvent } from './testApp';

/** Row count and content checksum of one table. */
export type TableState = { rows: number; checksum: string };

/**
 * Every table in the plugin's database, read from the database itself so
 * that tables added later are covered without touching the suite.
 */
export async function tableNames(knex: Knex): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    const rows = await knex('information_schema.tables')
      .where('table_schema', knex.raw('current_schema()'))
      .andWhere('table_type', 'BASE TABLE')
      .select<Array<{ table_name: string }>>('table_name');
    return rows.map(r => r.table_name).sort();
  }
  const rows = await knex('sqlite_master')
    .where('type', 'table')
    .andWhereNot('name', 'like', 'sqlite_%')
    .select<Array<{ name: string }>>('name');
  return rows.map(r => r.name).sort();
}

/**
 * The state of every table: row count and a checksum over its rows in a
 * stable order, so that "nothing written" means nothing inserted, updated
 * or deleted, not merely the same number of rows.
 */
export async function databaseState(
  knex: Knex,
): Promise<Record<string, TableState>> {
  const state: Record<string, TableState> = {};
  for (const table of await tableNames(knex)) {
    const rows = (await knex(table).select('*')).map(row =>
      JSON.stringify(row),
    );
    rows.sort();
    state[table] = {
      rows: rows.length,
      checksum: createHash('sha256').update(rows.join('\n')).digest('hex'),
    };
  }
  return state;
}

/** The audit events recorded since `before` events had been. */
export function auditSince(events: AuditEvent[], before: number) {
  return events.slice(before).map(e => ({
    eventId: e.eventId,
    outcome: e.outcome,
    error: e.error?.name,
  }));
}

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

import { PLUGIN_TABLES } from '../__testUtils__/tables';
import { createTestDatabases } from '../__testUtils__/databases';
import { MIGRATIONS_DIR } from './migrations';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'go up and all the way down again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
      for (const table of PLUGIN_TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      expect(await knex.schema.hasColumn('releases', 'verification')).toBe(
        true,
      );
      // Bookkeeping of the in-memory caches, not plugin data.
      expect(await knex.schema.hasTable('change_counters')).toBe(true);
      await knex.migrate.rollback({ directory: MIGRATIONS_DIR }, true);
      for (const table of [...PLUGIN_TABLES, 'change_counters']) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      // And up again: down left nothing behind that blocks a re-run.
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
      expect(await knex.schema.hasTable('releases')).toBe(true);
    },
  );
});

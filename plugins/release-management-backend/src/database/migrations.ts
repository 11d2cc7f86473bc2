import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@release-management/plugin-release-management-backend',
  'migrations',
);

// Every store of the plugin shares one client; migrate it once per service.
const migrated = new WeakMap<DatabaseService, Promise<Knex>>();

/**
 * The plugin's database client with its migrations applied, unless the
 * deployment manages migrations itself (`database.migrations.skip`).
 */
export function getMigratedClient(database: DatabaseService): Promise<Knex> {
  let client = migrated.get(database);
  if (!client) {
    client = (async () => {
      const knex = await database.getClient();
      if (!database.migrations?.skip) {
        await knex.migrate.latest({ directory: migrationsDir });
      }
      return knex;
    })();
    migrated.set(database, client);
  }
  return client;
}

/** The migrations folder, for migration tests. */
export const MIGRATIONS_DIR = migrationsDir;

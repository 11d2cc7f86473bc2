import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases store tests run on: SQLite always, PostgreSQL when a
 * `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING` is set.
 * `scripts/test` sets RELEASE_MANAGEMENT_REQUIRE_POSTGRES so that a missing
 * PostgreSQL fails the run instead of quietly testing less.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    // PostgreSQL comes from a connection string (scripts/test starts one),
    // never from a Docker container.
    disableDocker: true,
    ids: [
      'SQLITE_3',
      'POSTGRES_18',
      'POSTGRES_17',
      'POSTGRES_16',
      'POSTGRES_15',
      'POSTGRES_14',
      'POSTGRES_13',
    ],
  });
  if (
    process.env.RELEASE_MANAGEMENT_REQUIRE_POSTGRES &&
    !databases.eachSupportedId().some(([id]) => id.startsWith('POSTGRES'))
  ) {
    throw new Error(
      'RELEASE_MANAGEMENT_REQUIRE_POSTGRES is set but no BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is',
    );
  }
  return databases;
}

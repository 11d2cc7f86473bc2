/*
 * Calendar feeds expire (renewable by their owner): a feed URL that leaked
 * or was forgotten stops working on its own. Feeds made before this
 * migration expire 180 days after it ran, the default lifetime.
 *
 * A feed also keeps whether its owner may read freeze windows and models,
 * as it keeps their release read criteria: calendar clients bring no
 * credentials to ask again. Older feeds show both, as they did.
 */

// @ts-check

// Plain ALTER TABLE on both databases: knex rebuilds a SQLite table to drop
// a column (see 20261208100000_release_visibility.js).

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  const expiry = new Date(Date.now() + 180 * 86_400_000).toISOString();
  await knex.raw(
    `ALTER TABLE calendar_feeds ADD COLUMN expires_at varchar(30) NOT NULL DEFAULT '${expiry}'`,
  );
  await knex.raw(
    'ALTER TABLE calendar_feeds ADD COLUMN shows_freezes boolean NOT NULL DEFAULT true',
  );
  await knex.raw(
    'ALTER TABLE calendar_feeds ADD COLUMN shows_maintenance boolean NOT NULL DEFAULT true',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('ALTER TABLE calendar_feeds DROP COLUMN shows_maintenance');
  await knex.raw('ALTER TABLE calendar_feeds DROP COLUMN shows_freezes');
  await knex.raw('ALTER TABLE calendar_feeds DROP COLUMN expires_at');
};

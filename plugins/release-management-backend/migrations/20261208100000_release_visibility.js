/*
 * A release may be restricted (an embargoed security fix): a permission
 * policy can then keep it to a few readers with the HAS_VISIBILITY rule,
 * and everyone else sees its window as busy and nothing more. Releases
 * written before this migration are normal.
 */

// @ts-check

// Plain ALTER TABLE on both databases: knex rebuilds a SQLite table to drop
// a column, and the rebuild would lose the change-counter triggers on it.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.raw(
    "ALTER TABLE releases ADD COLUMN visibility varchar(16) NOT NULL DEFAULT 'normal'",
  );
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      "COMMENT ON COLUMN releases.visibility IS 'normal or restricted; see the HAS_VISIBILITY permission rule'",
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('ALTER TABLE releases DROP COLUMN visibility');
};

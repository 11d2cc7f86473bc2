/*
 * Conflict checks ask for releases in some statuses whose window overlaps a
 * range. With an index on status alone SQLite scans every release in those
 * statuses; (status, planned_start) turns that into one short range scan
 * per status, and still serves lists filtered by status.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropIndex(['status'], 'releases_status_idx');
    table.index(['status', 'planned_start'], 'releases_status_window_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropIndex(['status', 'planned_start'], 'releases_status_window_idx');
    table.index(['status'], 'releases_status_idx');
  });
};

/*
 * The latest component verification of a release (ITIL "verify service
 * components"): JSON with each entity's checks, when and by whom.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('releases', table => {
    table
      .text('verification')
      .nullable()
      .comment('JSON: the latest component verification of the scope');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropColumn('verification');
  });
};

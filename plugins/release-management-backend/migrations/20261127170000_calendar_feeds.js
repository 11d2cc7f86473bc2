/*
 * Calendar feed tokens: calendar clients cannot send Backstage tokens, so a
 * signed-in user creates a feed URL carrying an unguessable token. Only its
 * SHA-256 is stored; the read permission the user had is kept as the SQL
 * criteria to apply when the feed is fetched.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('calendar_feeds', table => {
    table.comment('Revocable calendar feed tokens bound to a user and a scope');
    table.string('id', 36).primary().notNullable();
    table.string('token_hash', 64).notNullable().unique();
    table.string('owner', 255).notNullable().comment('The user who made it');
    table.string('title', 200).notNullable();
    table.text('scope').notNullable().comment('JSON: what the feed shows');
    table
      .text('read_filter')
      .nullable()
      .comment('JSON permission criteria; null when the user could read all');
    table.string('created_at', 30).notNullable();
    table.string('revoked_at', 30).nullable();
    table.index(['owner'], 'calendar_feeds_owner_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('calendar_feeds');
};

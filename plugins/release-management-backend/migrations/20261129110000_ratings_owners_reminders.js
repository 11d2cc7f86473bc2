/*
 * What owners of impacted entities say and are told about a release:
 * satisfaction ratings of the review (one per user, updatable), the owners
 * a release touches with whether they acknowledged it, and the reminders
 * sent before a release starts. A reminder is keyed by release and planned
 * start, so a re-run or a second replica never sends one twice, while a
 * release moved to another start is reminded of again.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_ratings', table => {
    table.comment('Satisfaction ratings of releases, one per user');
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table.string('rated_by', 255).notNullable();
    table.integer('rating').notNullable().comment('1 to 5');
    table.text('comment').notNullable();
    table.string('rated_at', 30).notNullable();
    table.primary(['release_id', 'rated_by']);
    table.index(['rated_at'], 'release_ratings_rated_at_idx');
  });

  await knex.schema.createTable('release_impacted_owners', table => {
    table.comment(
      'Owners of entities a release touches: when told, when they acknowledged',
    );
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table.string('owner_ref', 512).notNullable();
    table.string('notified_at', 30).nullable();
    table.string('acknowledged_by', 255).nullable();
    table.string('acknowledged_at', 30).nullable();
    table.primary(['release_id', 'owner_ref']);
  });

  await knex.schema.createTable('release_reminders', table => {
    table.comment('Reminders sent before a release starts, at most one each');
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table
      .string('planned_start', 30)
      .notNullable()
      .comment('The start the reminder announced');
    table.string('sent_at', 30).notNullable();
    table.primary(['release_id', 'planned_start']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_reminders');
  await knex.schema.dropTable('release_impacted_owners');
  await knex.schema.dropTable('release_ratings');
};

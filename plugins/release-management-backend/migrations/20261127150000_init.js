/*
 * Release models and their revisions, releases with their scope, checklist,
 * approvals and history, and freeze windows.
 *
 * Instants are stored as UTC ISO 8601 strings of one fixed width
 * (`2026-12-01T09:00:00.000Z`), which compare correctly as text on every
 * database and read back identically on SQLite and PostgreSQL.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_models', table => {
    table.comment('Release models; the definition lives in its revisions');
    table.string('name', 63).primary().notNullable();
    table
      .string('source', 16)
      .notNullable()
      .comment('api: managed through the API; config: declared in app-config');
    table.integer('current_revision').notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
  });

  await knex.schema.createTable('release_model_revisions', table => {
    table.comment('Every revision of every model, never changed once written');
    table
      .string('model_name', 63)
      .notNullable()
      .references('name')
      .inTable('release_models');
    table.integer('revision').notNullable();
    table.text('definition').notNullable().comment('JSON model definition');
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.primary(['model_name', 'revision']);
  });

  await knex.schema.createTable('releases', table => {
    table.comment('Release instances of a model revision');
    table.string('id', 36).primary().notNullable();
    table.string('title', 200).notNullable();
    table.string('version_label', 100).notNullable();
    table.text('notes').notNullable();
    table.string('release_manager', 255).notNullable();
    table.string('model_name', 63).notNullable();
    table.integer('model_revision').notNullable();
    table.string('status', 32).notNullable();
    table.string('planned_start', 30).nullable();
    table.string('planned_end', 30).nullable();
    table.string('time_zone', 64).nullable();
    table.string('actual_start', 30).nullable();
    table.string('actual_end', 30).nullable();
    table.text('phases').notNullable().comment('JSON array of rollout phases');
    table.text('review').nullable().comment('JSON post-implementation review');
    table
      .integer('revision')
      .notNullable()
      .comment('Bumped by every change; writes carry the revision they read');
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table
      .foreign(['model_name', 'model_revision'])
      .references(['model_name', 'revision'])
      .inTable('release_model_revisions');
    table.index(
      ['planned_start', 'planned_end'],
      'releases_planned_window_idx',
    );
    table.index(['status'], 'releases_status_idx');
    table.index(['model_name'], 'releases_model_idx');
  });

  await knex.schema.createTable('release_scope', table => {
    table.comment('Configuration items of a release, with owner and system');
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table.string('entity_ref', 512).notNullable();
    table.string('version', 100).notNullable();
    table.string('owner_ref', 512).nullable();
    table.string('system_ref', 512).nullable();
    table.primary(['release_id', 'entity_ref']);
    table.index(['entity_ref'], 'release_scope_entity_idx');
    table.index(['owner_ref'], 'release_scope_owner_idx');
  });

  await knex.schema.createTable('release_checklist', table => {
    table.comment('State of the checklist items of a release');
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table.string('item_id', 63).notNullable();
    table.string('stage_key', 63).notNullable();
    table.boolean('done').notNullable();
    table.string('done_by', 255).notNullable();
    table.string('done_at', 30).notNullable();
    table.text('note').nullable();
    table.primary(['release_id', 'item_id']);
  });

  await knex.schema.createTable('release_approvals', table => {
    table.comment('The latest decision of each approver on each gate');
    table.string('id', 36).primary().notNullable();
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table.string('stage_key', 63).notNullable();
    table.string('gate_id', 63).notNullable();
    table.string('approver', 255).notNullable();
    table.string('decision', 16).notNullable();
    table.text('comment').nullable();
    table.string('decided_at', 30).notNullable();
    table.unique(['release_id', 'stage_key', 'gate_id', 'approver'], {
      indexName: 'release_approvals_one_per_approver',
    });
  });

  await knex.schema.createTable('release_history', table => {
    table.comment('Append-only log of every change to a release');
    table.bigIncrements('id').primary();
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('releases');
    table.integer('revision').notNullable();
    table.string('actor', 255).notNullable();
    table.string('at', 30).notNullable();
    table.string('action', 64).notNullable();
    table.text('details').notNullable().comment('JSON');
    table.index(['release_id'], 'release_history_release_idx');
  });

  await knex.schema.createTable('freeze_windows', table => {
    table.comment('Periods in which releases are blocked or warned');
    table.string('id', 36).primary().notNullable();
    table.string('title', 200).notNullable();
    table.text('reason').notNullable();
    table.string('severity', 8).notNullable();
    table.string('start_at', 30).notNullable();
    table.string('end_at', 30).notNullable();
    table.string('time_zone', 64).notNullable();
    table.string('rrule', 500).nullable();
    table.text('scope').notNullable().comment('JSON freeze scope');
    table.integer('revision').notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['start_at'], 'freeze_windows_start_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('freeze_windows');
  await knex.schema.dropTable('release_history');
  await knex.schema.dropTable('release_approvals');
  await knex.schema.dropTable('release_checklist');
  await knex.schema.dropTable('release_scope');
  await knex.schema.dropTable('releases');
  await knex.schema.dropTable('release_model_revisions');
  await knex.schema.dropTable('release_models');
};

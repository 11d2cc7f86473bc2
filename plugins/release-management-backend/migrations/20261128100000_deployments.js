/*
 * Deployments reported by CI/CD pipelines, and audit findings. A pipeline
 * retries steps, so the pipeline's own run id (`external_id`) is unique:
 * recording it twice updates one row. Findings get a table of their own so
 * that metrics can count them (deployments without a release, freeze
 * overrides) without reading audit logs; a deployment makes at most one
 * finding of each kind.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployments', table => {
    table.comment('Deployments reported by pipelines');
    table.string('id', 36).primary().notNullable();
    table.string('external_id', 200).notNullable().unique();
    table.string('entity_ref', 512).notNullable();
    table.string('environment', 63).notNullable();
    table.boolean('production').notNullable();
    table.string('version', 100).notNullable();
    table.string('status', 20).notNullable();
    table.string('started_at', 30).notNullable();
    table.string('finished_at', 30).nullable();
    table.string('pipeline_url', 2000).nullable();
    table
      .string('release_id', 36)
      .nullable()
      .references('id')
      .inTable('releases')
      .onDelete('SET NULL');
    table.string('recorded_by', 255).notNullable();
    table.integer('revision').notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['entity_ref', 'started_at'], 'deployments_entity_idx');
    table.index(['started_at'], 'deployments_started_idx');
    table.index(['release_id'], 'deployments_release_idx');
  });
  await knex.schema.createTable('audit_findings', table => {
    table.comment('Findings for audits of the release practice');
    table.string('id', 36).primary().notNullable();
    table.string('kind', 40).notNullable();
    table.string('entity_ref', 512).notNullable();
    table.string('environment', 63).notNullable();
    table
      .string('deployment_id', 36)
      .nullable()
      .references('id')
      .inTable('deployments')
      .onDelete('CASCADE');
    table.string('release_id', 36).nullable();
    table.string('actor', 255).notNullable();
    table.text('message').notNullable();
    table.text('details').notNullable().comment('JSON');
    table.string('at', 30).notNullable();
    table.unique(['kind', 'deployment_id'], {
      indexName: 'audit_findings_deployment_uq',
    });
    table.index(['kind', 'at'], 'audit_findings_kind_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_findings');
  await knex.schema.dropTable('deployments');
};

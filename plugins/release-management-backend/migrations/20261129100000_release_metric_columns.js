/*
 * Columns that let metrics be aggregated in SQL. The review is JSON text,
 * which SQLite and PostgreSQL cannot aggregate alike, so its outcome and
 * incident count get columns of their own; and the instants a release was
 * deployed and reached a final status (closed or cancelled) are kept,
 * where before they were only in the history. Existing releases are filled
 * in from their review and history.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('releases', table => {
    table
      .string('review_outcome', 32)
      .nullable()
      .comment('Outcome of the post-implementation review, copied from review');
    table
      .integer('review_incident_count')
      .nullable()
      .comment('Incidents the review relates to the release');
    table
      .string('deployed_at', 30)
      .nullable()
      .comment('When the release first moved to deployed');
    table
      .string('closed_at', 30)
      .nullable()
      .comment('When the release reached closed or cancelled');
    table.index(['actual_end'], 'releases_actual_end_idx');
    table.index(['deployed_at'], 'releases_deployed_at_idx');
    table.index(['closed_at'], 'releases_closed_at_idx');
    table.index(['created_at'], 'releases_created_at_idx');
  });

  const reviewed = await knex('releases')
    .whereNotNull('review')
    .select('id', 'review');
  for (const row of reviewed) {
    const review = JSON.parse(row.review);
    await knex('releases')
      .where({ id: row.id })
      .update({
        review_outcome: review.outcome ?? null,
        review_incident_count: review.incidentCount ?? 0,
      });
  }

  const transitions = await knex('release_history')
    .where({ action: 'transitioned' })
    .orderBy('id', 'asc')
    .select('release_id', 'at', 'details');
  const deployed = new Map();
  const closed = new Map();
  for (const row of transitions) {
    const to = JSON.parse(row.details).to;
    if (to === 'deployed' && !deployed.has(row.release_id)) {
      deployed.set(row.release_id, row.at);
    }
    if (to === 'closed' || to === 'cancelled') {
      closed.set(row.release_id, row.at);
    }
  }
  for (const [id, at] of deployed) {
    await knex('releases').where({ id }).update({ deployed_at: at });
  }
  for (const [id, at] of closed) {
    await knex('releases').where({ id }).update({ closed_at: at });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropIndex(['actual_end'], 'releases_actual_end_idx');
    table.dropIndex(['deployed_at'], 'releases_deployed_at_idx');
    table.dropIndex(['closed_at'], 'releases_closed_at_idx');
    table.dropIndex(['created_at'], 'releases_created_at_idx');
  });
  await knex.schema.alterTable('releases', table => {
    table.dropColumn('review_outcome');
    table.dropColumn('review_incident_count');
    table.dropColumn('deployed_at');
    table.dropColumn('closed_at');
  });
};

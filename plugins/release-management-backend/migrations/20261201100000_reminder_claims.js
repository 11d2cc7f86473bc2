/*
 * Reminders are claimed for a while before they are sent, and marked sent
 * afterwards: a run that stops between the claim and the send (its
 * replica shut down or died, the task timed out, the notification could
 * not be sent) no longer loses the reminder; a later run claims it again
 * once the claim has expired.
 *
 * `claimed_until` is set while a reminder is being sent and null once it
 * was sent; rows written before this migration were sent.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_reminders', table => {
    table
      .string('claimed_until', 30)
      .nullable()
      .comment('Set while being sent: until then no other run sends it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_reminders', table => {
    table.dropColumn('claimed_until');
  });
};

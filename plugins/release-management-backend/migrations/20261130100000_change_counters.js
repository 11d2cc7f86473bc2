/*
 * Change counters, so that replicas can keep releases, freeze windows and
 * models in memory and still see every write, their own and other
 * replicas': one cheap query per read tells whether anything changed.
 *
 * Triggers bump them, in the writing transaction, whatever code writes:
 * a reader never sees a counter before the rows it counts. Each changed
 * release row is stamped with the counter value of its change
 * (`change_seq`), so that a reader fetches only the releases changed since
 * it last looked.
 *
 * On PostgreSQL a statement-level BEFORE trigger takes the counter row's
 * lock before any row of the table is touched and holds it until commit,
 * so writers of one table commit in counter order (a reader that has seen
 * value n has seen every change stamped up to n), and, taken first by
 * everyone, it cannot deadlock with the row locks. SQLite has one writer
 * at a time anyway. The release scope changes only together with its
 * release row (the store bumps the release's revision), so the stamp of
 * the release covers it.
 */

// @ts-check

const COUNTED = {
  releases: 'releases',
  freeze_windows: 'freeze_windows',
  release_models: 'release_models',
  release_model_revisions: 'release_models',
};

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('change_counters', table => {
    table.comment(
      'Bumped by triggers on every write to a table that replicas keep in memory',
    );
    table.string('name', 63).primary().notNullable();
    table.bigInteger('seq').notNullable();
  });
  await knex('change_counters').insert(
    [...new Set(Object.values(COUNTED))].map(name => ({ name, seq: 0 })),
  );
  await knex.schema.alterTable('releases', table => {
    table
      .bigInteger('change_seq')
      .nullable()
      .comment('Value of change_counters.releases when the row last changed');
    table.index(['change_seq'], 'releases_change_seq_idx');
  });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION rm_bump_change_counter() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE change_counters SET seq = seq + 1 WHERE name = TG_ARGV[0];
        RETURN NULL;
      END $$`);
    await knex.raw(`
      CREATE FUNCTION rm_stamp_release_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_seq := (SELECT seq FROM change_counters WHERE name = 'releases');
        RETURN NEW;
      END $$`);
    for (const [table, counter] of Object.entries(COUNTED)) {
      await knex.raw(
        `CREATE TRIGGER ${table}_change_counter
         BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION rm_bump_change_counter('${counter}')`,
      );
    }
    await knex.raw(
      `CREATE TRIGGER releases_change_stamp
       BEFORE INSERT OR UPDATE ON releases
       FOR EACH ROW EXECUTE FUNCTION rm_stamp_release_change()`,
    );
    return;
  }

  // SQLite: row-level triggers, one per event.
  for (const [table, counter] of Object.entries(COUNTED)) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const row = event === 'DELETE' ? 'OLD' : 'NEW';
      const stamp =
        table === 'releases' && event !== 'DELETE'
          ? `UPDATE releases SET change_seq =
               (SELECT seq FROM change_counters WHERE name = 'releases')
             WHERE id = ${row}.id;`
          : '';
      // The stamp is itself an update of the row: the WHEN clause keeps it
      // from counting again, also with recursive triggers on.
      const when =
        table === 'releases' && event === 'UPDATE'
          ? 'WHEN NEW.change_seq IS OLD.change_seq'
          : '';
      await knex.raw(
        `CREATE TRIGGER ${table}_change_${event.toLowerCase()}
         AFTER ${event} ON ${table} ${when}
         BEGIN
           UPDATE change_counters SET seq = seq + 1 WHERE name = '${counter}';
           ${stamp}
         END`,
      );
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER releases_change_stamp ON releases');
    for (const table of Object.keys(COUNTED)) {
      await knex.raw(`DROP TRIGGER ${table}_change_counter ON ${table}`);
    }
    await knex.raw('DROP FUNCTION rm_stamp_release_change()');
    await knex.raw('DROP FUNCTION rm_bump_change_counter()');
  } else {
    for (const table of Object.keys(COUNTED)) {
      for (const event of ['insert', 'update', 'delete']) {
        await knex.raw(`DROP TRIGGER ${table}_change_${event}`);
      }
    }
  }
  await knex.schema.alterTable('releases', table => {
    table.dropIndex(['change_seq'], 'releases_change_seq_idx');
    table.dropColumn('change_seq');
  });
  await knex.schema.dropTable('change_counters');
};

/*
 * The data of the conflict check benchmark: 50k releases over two years on
 * the components of a generated catalog, and 2k freeze windows (10 %
 * recurring weekly) scoped by entities, systems, tags and owners.
 */
import type { Knex } from 'knex';
import { DatabaseReleaseModelStore } from '../src/database/DatabaseReleaseModelStore';
import { COMMITTED_STATUSES } from '../src/scheduling/SchedulingService';
import { releaseModelDefinitionSchema } from '@release-management/plugin-release-management-common';

export const RELEASES = 50_000;
export const FREEZES = 2_000;
export const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The first day releases and freezes start on. */
export const START = Date.parse('2031-01-01T00:00:00Z');
export const clock = { now: () => new Date('2030-12-01T00:00:00Z') };

/** A small deterministic generator: the same data on every run. */
export function prng(initial: number) {
  let s = initial;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** The model every release follows: at most 3 releases of a system at once. */
export const model = releaseModelDefinitionSchema.parse({
  title: 'Bench',
  owner: 'group:default/team-0',
  releaseType: 'minor',
  rolloutStrategy: 'big-bang',
  stages: [{ key: 'plan', title: 'Plan', completesWith: 'planned' }],
  schedulingPolicy: { maxConcurrentReleasesPerSystem: 3 },
});

/** Writes the model, releases and freeze windows; returns the plugin's database service. */
export async function seed(knex: Knex, refs: string[], systems: string[]) {
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as any;
  const models = await DatabaseReleaseModelStore.create({ database });
  await models.create({
    name: 'bench',
    source: 'api',
    definition: model,
    actor: 'bench',
    now: clock.now().toISOString(),
  });
  const random = prng(7);
  const releases = [];
  const scope = [];
  for (let i = 0; i < RELEASES; i++) {
    const start = START + Math.floor(random() * 730 * 24) * HOUR;
    const id = `r-${i}`;
    releases.push({
      id,
      title: `Release ${i}`,
      version_label: '1.0',
      notes: '',
      release_manager: 'user:default/rm',
      model_name: 'bench',
      model_revision: 1,
      status: COMMITTED_STATUSES[i % 3],
      planned_start: new Date(start).toISOString(),
      planned_end: new Date(
        start + (1 + Math.floor(random() * 6)) * HOUR,
      ).toISOString(),
      time_zone: 'UTC',
      actual_start: null,
      actual_end: null,
      phases: '[]',
      review: null,
      revision: 1,
      created_by: 'bench',
      created_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    });
    const n = 1 + Math.floor(random() * 3);
    const picked = new Set<string>();
    while (picked.size < n)
      picked.add(refs[Math.floor(random() * refs.length)]);
    for (const ref of picked) {
      scope.push({
        release_id: id,
        entity_ref: ref,
        version: '1.0.0',
        owner_ref: null,
        system_ref: null,
      });
    }
  }
  await knex.batchInsert('releases', releases, 500);
  await knex.batchInsert('release_scope', scope, 500);

  const freezes = [];
  for (let i = 0; i < FREEZES; i++) {
    const start = START + Math.floor(random() * 730) * DAY;
    const recurring = i % 10 === 0;
    const kind = i % 4;
    const pickRef = () => refs[Math.floor(random() * refs.length)];
    const scopes = [
      { type: 'entities', refs: [0, 1, 2, 3, 4].map(pickRef) },
      {
        type: 'systems',
        refs: [systems[Math.floor(random() * systems.length)]],
      },
      { type: 'tags', tags: ['critical'] },
      {
        type: 'owners',
        refs: [`group:default/team-${Math.floor(random() * 50)}`],
      },
    ];
    const scopeJson = scopes[kind];
    freezes.push({
      id: `f-${i}`,
      title: `Freeze ${i}`,
      reason: '',
      severity: i % 3 === 0 ? 'hard' : 'soft',
      start_at: new Date(start).toISOString(),
      end_at: new Date(
        start + (recurring ? 4 * HOUR : (1 + Math.floor(random() * 3)) * DAY),
      ).toISOString(),
      time_zone: 'Europe/Oslo',
      rrule: recurring ? 'FREQ=WEEKLY;BYDAY=FR' : null,
      scope: JSON.stringify(scopeJson),
      revision: 1,
      created_by: 'bench',
      created_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    });
  }
  await knex.batchInsert('freeze_windows', freezes, 200);
  return { database };
}

import { PLUGIN_TABLES } from './__testUtils__/tables';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { createTestDatabases } from './__testUtils__/databases';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from './__testUtils__/testApp';

jest.setTimeout(300_000);

/** Every row of every table of the plugin, as one comparable string. */
async function snapshot(knex: Knex): Promise<string> {
  const parts: string[] = [];
  for (const table of PLUGIN_TABLES) {
    const rows = await knex(table).select('*');
    parts.push(
      JSON.stringify(
        rows.map(row => JSON.stringify(row, Object.keys(row).sort())).sort(),
      ),
    );
  }
  return parts.join('\n');
}

// Bodies a careless or hostile client might send: anything JSON, and
// near-misses of the real shapes with fields of the wrong type or extra.
const anyJson = fc.jsonValue({ maxDepth: 3 });
const nearRelease = fc.record(
  {
    model: fc.oneof(fc.constant('normal'), fc.string(), fc.integer()),
    title: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)),
    versionLabel: fc.oneof(fc.string(), fc.boolean()),
    scope: fc.oneof(
      fc.array(
        fc.record({
          entityRef: fc.oneof(
            fc.constant('component:default/cart'),
            fc.string(),
          ),
          version: fc.oneof(fc.string(), fc.integer()),
        }),
        { maxLength: 3 },
      ),
      anyJson,
    ),
    plannedWindow: fc.oneof(
      fc.record({
        start: fc.oneof(
          fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
          fc.string(),
        ),
        end: fc.oneof(
          fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
          fc.string(),
        ),
        timeZone: fc.oneof(fc.constant('UTC'), fc.string()),
      }),
      anyJson,
    ),
    revision: fc.oneof(fc.integer(), fc.string()),
    to: fc.oneof(fc.constantFrom('planned', 'deployed', 'closed'), fc.string()),
    done: fc.oneof(fc.boolean(), fc.string()),
    extra: anyJson,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(anyJson, nearRelease);

describe('mutating endpoints under random input', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let releaseId: string;
    let freezeId: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({ knex });
      await createNormalModel(app.api);
      releaseId = (
        await app.api
          .post(`${base}/releases`)
          .set('Authorization', as('user:default/rm'))
          .send(releaseBody())
      ).body.id;
      freezeId = (
        await app.api
          .post(`${base}/freeze-windows`)
          .set('Authorization', as('user:default/rm'))
          .send({
            title: 'Freeze',
            severity: 'soft',
            start: '2030-01-01T00:00:00Z',
            end: '2030-01-02T00:00:00Z',
            timeZone: 'UTC',
            scope: { type: 'all' },
          })
      ).body.id;
    });

    const endpoints: Array<[string, string]> = [
      ['post', '/models'],
      ['put', '/models/normal'],
      ['post', '/releases'],
      ['patch', '/releases/:release'],
      ['post', '/releases/:release/transitions'],
      ['post', '/releases/:release/approvals'],
      ['put', '/releases/:release/checklist/tests-green'],
      ['post', '/freeze-windows'],
      ['put', '/freeze-windows/:freeze'],
    ];
    const resolve = (path: string) =>
      path.replace(':release', releaseId).replace(':freeze', freezeId);

    it.each(endpoints)(
      '%s %s never answers 5xx and a rejected request writes nothing',
      async (method, path) => {
        await fc.assert(
          fc.asyncProperty(body, async payload => {
            const before = await snapshot(knex);
            const res = await (app.api as any)
              [method](`${base}${resolve(path)}`)
              .set('Authorization', as('user:default/owner'))
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(payload));
            expect(res.status).toBeLessThan(500);
            const rejected = res.status >= 400;
            // A rejection explains itself and leaves every table as it was;
            // an accepted body may change the database.
            expect(
              !rejected || typeof res.body.error?.message === 'string',
            ).toBe(true);
            const after = rejected ? await snapshot(knex) : before;
            expect(after).toBe(before);
          }),
          { numRuns: 40 },
        );
      },
    );
  });
});

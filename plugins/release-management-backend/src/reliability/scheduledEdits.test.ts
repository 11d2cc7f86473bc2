import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { as, base, releaseBody, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const cart = 'component:default/cart';
const hour = 3_600_000;

/**
 * A scheduled release passed the conflict check for its window and scope;
 * an edit of either must pass it again, or a release could be moved into a
 * hard freeze or onto another scheduled release after scheduling.
 */
describe('editing a scheduled release', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    const day0 = Math.ceil(Date.now() / (24 * hour)) * 24 * hour + 24 * hour;
    let nextDay = 0;
    const windowOnNewDay = () => {
      const start = day0 + nextDay++ * 24 * hour + 9 * hour;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + 2 * hour).toISOString(),
        timeZone: 'Europe/Oslo',
      };
    };
    const shift = (w: { start: string; end: string }, ms: number) => ({
      ...w,
      start: new Date(Date.parse(w.start) + ms).toISOString(),
      end: new Date(Date.parse(w.end) + ms).toISOString(),
    });

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({ knex, models: pipelineModels });
    });

    const send = (method: 'post' | 'patch', path: string, body: object) =>
      app.api[method](`${base}${path}`).set('Authorization', rm).send(body);

    async function scheduledRelease(
      plannedWindow: object,
      overrides: object = {},
    ) {
      const created = await send(
        'post',
        '/releases',
        releaseBody({ model: 'flag', plannedWindow, ...overrides }),
      );
      expect(created.status).toBe(201);
      const scheduled = await send(
        'post',
        `/releases/${created.body.id}/transitions`,
        { to: 'scheduled' },
      );
      expect(scheduled.status).toBe(200);
      return scheduled.body as { id: string; revision: number };
    }

    async function hardFreeze(around: { start: string; end: string }) {
      const res = await send('post', '/freeze-windows', {
        title: 'Peak sales',
        severity: 'hard',
        start: new Date(Date.parse(around.start) - hour).toISOString(),
        end: new Date(Date.parse(around.end) + hour).toISOString(),
        timeZone: 'UTC',
        scope: { type: 'entities', refs: [cart] },
      });
      expect(res.status).toBe(201);
    }

    const stored = async (id: string) => ({
      release: await knex('releases')
        .where({ id })
        .first('status', 'planned_start', 'revision'),
      history: (
        await knex('release_history').where({ release_id: id }).orderBy('id')
      ).map(h => h.action),
    });

    it('refuses to move its window into a hard freeze, with the conflict, and keeps it as it was', async () => {
      const release = await scheduledRelease(windowOnNewDay());
      const frozen = windowOnNewDay();
      await hardFreeze(frozen);
      const before = await stored(release.id);

      const res = await send('patch', `/releases/${release.id}`, {
        revision: release.revision,
        plannedWindow: frozen,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(
        /scheduled and cannot move to this window or scope: .*Hard freeze "Peak sales"/,
      );
      expect(await stored(release.id)).toEqual(before);
    });

    it('refuses a scope change onto an entity scheduled in another release at that time', async () => {
      const window = windowOnNewDay();
      await scheduledRelease(window, { title: 'Cart first' });
      const other = await scheduledRelease(window, {
        title: 'Search',
        scope: [{ entityRef: 'component:default/search', version: '1.0.0' }],
      });
      const before = await stored(other.id);

      const res = await send('patch', `/releases/${other.id}`, {
        revision: other.revision,
        scope: [
          { entityRef: 'component:default/search', version: '1.0.0' },
          { entityRef: cart, version: '4.2.0' },
        ],
      });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(
        /component:default\/cart is also in release "Cart first"/,
      );
      expect(await stored(other.id)).toEqual(before);
    });

    it('accepts a move to a free window, and other edits without a check', async () => {
      const release = await scheduledRelease(windowOnNewDay());
      const moved = await send('patch', `/releases/${release.id}`, {
        revision: release.revision,
        plannedWindow: windowOnNewDay(),
      });
      expect(moved.status).toBe(200);
      expect(moved.body.status).toBe('scheduled');
      const renamed = await send('patch', `/releases/${release.id}`, {
        revision: moved.body.revision,
        title: 'Renamed',
      });
      expect(renamed.status).toBe(200);
    });

    it('keeps a conflict it was scheduled past with an override, but refuses a new one', async () => {
      const window = windowOnNewDay();
      await scheduledRelease(window, { title: 'Holder' });
      const created = await send(
        'post',
        '/releases',
        releaseBody({
          model: 'flag',
          title: 'Overlapper',
          plannedWindow: window,
        }),
      );
      const overridden = await send(
        'post',
        `/releases/${created.body.id}/transitions`,
        {
          to: 'scheduled',
          override: { justification: 'Agreed with the holder' },
        },
      );
      expect(overridden.status).toBe(200);

      // Still overlapping the same release: the conflict it had.
      const nudged = await send('patch', `/releases/${created.body.id}`, {
        revision: overridden.body.revision,
        plannedWindow: shift(window, 10 * 60_000),
      });
      expect(nudged.status).toBe(200);

      // Into a hard freeze: a conflict it did not have.
      const frozen = windowOnNewDay();
      await hardFreeze(frozen);
      const refused = await send('patch', `/releases/${created.body.id}`, {
        revision: nudged.body.revision,
        plannedWindow: frozen,
      });
      expect(refused.status).toBe(409);
    });

    it('lets only one of a move onto a window and a scheduling into it win when they race', async () => {
      const target = windowOnNewDay();
      for (let round = 0; round < 3; round++) {
        const mover = await scheduledRelease(windowOnNewDay(), {
          title: `Mover ${round}`,
        });
        const window = shift(target, round * 3 * hour);
        const newcomer = await send(
          'post',
          '/releases',
          releaseBody({
            model: 'flag',
            title: `Newcomer ${round}`,
            plannedWindow: window,
          }),
        );
        const [move, schedule] = await Promise.all([
          send('patch', `/releases/${mover.id}`, {
            revision: mover.revision,
            plannedWindow: window,
          }),
          send('post', `/releases/${newcomer.body.id}/transitions`, {
            to: 'scheduled',
          }),
        ]);
        expect([move.status, schedule.status].sort()).toEqual([200, 409]);
      }
    });
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { DatabaseReleaseModelStore } from './DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';
import type { StoredRelease } from './ReleaseStore';

jest.setTimeout(60_000);

const history = (action = 'test') => ({
  actor: 'user:default/rm',
  at: '2030-01-01T00:00:00.000Z',
  action,
  details: { note: action },
});

describe('DatabaseReleaseStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const models = await DatabaseReleaseModelStore.create({ database });
    await models.create({
      name: 'normal',
      source: 'api',
      definition: normalModel,
      actor: 'user:default/rm',
      now: '2029-01-01T00:00:00.000Z',
    });
    return { knex, store: await DatabaseReleaseStore.create({ database }) };
  }

  function release(
    id: string,
    overrides: Partial<StoredRelease> = {},
  ): StoredRelease {
    return draftRelease({ id, ...overrides });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores a release with its scope and first history entry', async () => {
      const { store } = await createStore(databaseId);
      const created = await store.create(
        release('a', {
          plannedWindow: {
            start: '2030-01-07T10:00:00+01:00',
            end: '2030-01-07T12:00:00+01:00',
            timeZone: 'Europe/Oslo',
          },
          phases: [{ ring: 'staff', audiencePercent: 5, status: 'pending' }],
        }),
        history('created'),
      );
      expect(created).toEqual(
        release('a', {
          // Instants come back in the one stored form.
          plannedWindow: {
            start: '2030-01-07T09:00:00.000Z',
            end: '2030-01-07T11:00:00.000Z',
            timeZone: 'Europe/Oslo',
          },
          phases: [{ ring: 'staff', audiencePercent: 5, status: 'pending' }],
        }),
      );
      expect(await store.history('a')).toEqual([
        {
          id: expect.any(Number),
          releaseId: 'a',
          revision: 1,
          actor: 'user:default/rm',
          at: '2030-01-01T00:00:00.000Z',
          action: 'created',
          details: { note: 'created' },
        },
      ]);
      expect(await store.get('missing')).toBeUndefined();
      expect(await store.count()).toBe(1);
    });

    it('applies a change with its history in one step and bumps the revision', async () => {
      const { store } = await createStore(databaseId);
      await store.create(release('a'), history('created'));
      const updated = await store.update(
        'a',
        1,
        {
          fields: { title: 'Renamed', status: 'planned' },
          scope: [
            {
              entityRef: 'component:default/search',
              version: '2.0.0',
              owner: 'group:default/team-search',
              system: null,
            },
          ],
          checklist: {
            stage: 'verify-components',
            itemId: 'tests-green',
            done: true,
            by: 'user:default/dev',
            at: '2030-01-02T00:00:00.000Z',
            note: 'CI run 42',
          },
          approval: {
            id: 'ap1',
            stage: 'verify-components',
            gate: 'owners',
            approver: 'user:default/owner',
            decision: 'approve',
            at: '2030-01-02T00:00:00.000Z',
          },
        },
        history('updated'),
      );
      expect(updated).toMatchObject({
        title: 'Renamed',
        status: 'planned',
        revision: 2,
        scope: [
          {
            entityRef: 'component:default/search',
            version: '2.0.0',
            owner: 'group:default/team-search',
            system: null,
          },
        ],
        checklist: [
          {
            stage: 'verify-components',
            itemId: 'tests-green',
            done: true,
            by: 'user:default/dev',
            at: '2030-01-02T00:00:00.000Z',
            note: 'CI run 42',
          },
        ],
        approvals: [
          {
            id: 'ap1',
            stage: 'verify-components',
            gate: 'owners',
            approver: 'user:default/owner',
            decision: 'approve',
            at: '2030-01-02T00:00:00.000Z',
          },
        ],
      });
      // A second decision of the same approver replaces the first.
      const rejected = await store.update(
        'a',
        2,
        {
          approval: {
            id: 'ap2',
            stage: 'verify-components',
            gate: 'owners',
            approver: 'user:default/owner',
            decision: 'reject',
            comment: 'not yet',
            at: '2030-01-03T00:00:00.000Z',
          },
        },
        history('rejected'),
      );
      expect(rejected.approvals).toEqual([
        expect.objectContaining({ decision: 'reject', comment: 'not yet' }),
      ]);
      expect(
        (await store.history('a')).map(h => [h.revision, h.action]),
      ).toEqual([
        [1, 'created'],
        [2, 'updated'],
        [3, 'rejected'],
      ]);
    });

    it('refuses a stale revision without writing anything', async () => {
      const { store } = await createStore(databaseId);
      await store.create(release('a'), history('created'));
      await store.update(
        'a',
        1,
        { fields: { title: 'First' } },
        history('one'),
      );
      await expect(
        store.update(
          'a',
          1,
          { fields: { title: 'Lost' }, scope: [] },
          history('two'),
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const current = await store.get('a');
      expect(current?.title).toBe('First');
      expect(current?.scope).toHaveLength(1);
      expect(await store.history('a')).toHaveLength(2);
      await expect(
        store.update('missing', 1, {}, history('x')),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('lets exactly one of many concurrent writers on one revision win', async () => {
      const { store } = await createStore(databaseId);
      await store.create(release('a'), history('created'));
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          store.update(
            'a',
            1,
            { fields: { title: `Writer ${i}` } },
            history(`writer-${i}`),
          ),
        ),
      );
      const won = results.filter(r => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<StoredRelease>).value;
      expect((await store.get('a'))?.title).toBe(winner.title);
      expect(await store.history('a')).toHaveLength(2);
    });

    it('filters lists by status, model, entity and planned window, half-open', async () => {
      const { store } = await createStore(databaseId);
      const window = (start: string, end: string) => ({
        start,
        end,
        timeZone: 'UTC',
      });
      await store.create(
        release('early', {
          plannedWindow: window('2030-01-01T08:00:00Z', '2030-01-01T10:00:00Z'),
        }),
        history(),
      );
      await store.create(
        release('late', {
          status: 'planned',
          plannedWindow: window('2030-01-01T10:00:00Z', '2030-01-01T12:00:00Z'),
          scope: [
            {
              entityRef: 'component:default/search',
              version: '1',
              owner: 'group:default/team-search',
              system: null,
            },
          ],
        }),
        history(),
      );
      await store.create(
        release('unplanned', { plannedWindow: null }),
        history(),
      );

      const ids = async (filter: object) =>
        (await store.list({ limit: 50, offset: 0, ...filter })).items.map(
          r => r.id,
        );
      expect(await ids({})).toEqual(['early', 'late', 'unplanned']);
      expect(await ids({ statuses: ['planned'] })).toEqual(['late']);
      expect(await ids({ model: 'other' })).toEqual([]);
      expect(await ids({ entityRef: 'component:default/search' })).toEqual([
        'late',
      ]);
      // [10:00, 11:00) touches "early" at 10:00 only: not an overlap.
      expect(
        await ids({ from: '2030-01-01T10:00:00Z', to: '2030-01-01T11:00:00Z' }),
      ).toEqual(['late']);
      expect(
        await ids({ from: '2030-01-01T09:59:00Z', to: '2030-01-01T10:00:00Z' }),
      ).toEqual(['early']);

      const page = await store.list({ limit: 1, offset: 1 });
      expect(page.totalCount).toBe(3);
      expect(page.items.map(r => r.id)).toEqual(['late']);
      // Latest first, as an entity's release history reads.
      expect(await ids({ order: 'desc' })).toEqual([
        'unplanned',
        'late',
        'early',
      ]);
    });

    it('searches titles and version labels literally, in any case', async () => {
      const { store } = await createStore(databaseId);
      await store.create(
        release('pct', { title: 'Discount 100% off' }),
        history(),
      );
      await store.create(
        release('pc', { title: 'Discount 100 off' }),
        history(),
      );
      await store.create(
        release('us', { title: 'feature_flag cleanup' }),
        history(),
      );
      await store.create(
        release('uni', { title: 'Ødegaard\'s "basket" ??' }),
        history(),
      );
      await store.create(
        release('ver', { versionLabel: 'CART-4.2' }),
        history(),
      );

      const ids = async (search: string) =>
        (await store.list({ limit: 50, offset: 0, search })).items
          .map(r => r.id)
          .sort();
      expect(await ids('100%')).toEqual(['pct']);
      expect(await ids('e_f')).toEqual(['us']);
      expect(await ids('DISCOUNT')).toEqual(['pc', 'pct']);
      expect(await ids('Ødegaard\'s "basket" ??')).toEqual(['uni']);
      expect(await ids('cart-4')).toEqual(['ver']);
      expect(await ids('nothing like it')).toEqual([]);
    });

    it('turns permission criteria into SQL filters', async () => {
      const { store } = await createStore(databaseId);
      await store.create(
        release('mine', { releaseManager: 'user:default/me' }),
        history(),
      );
      await store.create(
        release('team', {
          releaseManager: 'user:default/other',
          scope: [
            {
              entityRef: 'component:default/search',
              version: '1',
              owner: 'group:default/team-search',
              system: null,
            },
          ],
        }),
        history(),
      );
      await store.create(
        release('closed', {
          status: 'closed',
          releaseManager: 'user:default/other',
        }),
        history(),
      );
      const ids = async (permission: any) =>
        (await store.list({ limit: 50, offset: 0, permission })).items.map(
          r => r.id,
        );
      expect(
        await ids({ property: 'releaseManager', values: ['user:default/me'] }),
      ).toEqual(['mine']);
      expect(
        await ids({
          anyOf: [
            { property: 'releaseManager', values: ['user:default/me'] },
            { property: 'scopeOwner', values: ['group:default/team-search'] },
          ],
        }),
      ).toEqual(['mine', 'team']);
      expect(
        await ids({
          allOf: [
            { property: 'scopeEntity', values: ['component:default/cart'] },
            { not: { property: 'status', values: ['closed'] } },
          ],
        }),
      ).toEqual(['mine']);
      // An empty claim list matches nothing rather than everything.
      expect(await ids({ property: 'scopeOwner', values: [] })).toEqual([]);
    });

    it('lists committed releases overlapping a window for conflict checks', async () => {
      const { store } = await createStore(databaseId);
      const window = (start: string, end: string) => ({
        start,
        end,
        timeZone: 'UTC',
      });
      await store.create(
        release('overlaps', {
          status: 'scheduled',
          plannedWindow: window('2030-01-01T09:00:00Z', '2030-01-01T11:00:00Z'),
        }),
        history(),
      );
      await store.create(
        release('touches', {
          status: 'planned',
          plannedWindow: window('2030-01-01T11:00:00Z', '2030-01-01T12:00:00Z'),
        }),
        history(),
      );
      await store.create(
        release('draft', {
          plannedWindow: window('2030-01-01T09:00:00Z', '2030-01-01T11:00:00Z'),
        }),
        history(),
      );
      await store.create(
        release('self', {
          status: 'planned',
          plannedWindow: window('2030-01-01T09:00:00Z', '2030-01-01T11:00:00Z'),
        }),
        history(),
      );
      const found = await store.listScheduled({
        from: '2030-01-01T10:00:00Z',
        to: '2030-01-01T11:00:00Z',
        statuses: ['planned', 'scheduled', 'in-progress'],
        excludeId: 'self',
      });
      expect(found).toEqual([
        {
          id: 'overlaps',
          title: 'Basket sharing',
          scope: ['component:default/cart'],
          start: '2030-01-01T09:00:00.000Z',
          end: '2030-01-01T11:00:00.000Z',
        },
      ]);
      const byEntities = await store.list({
        entityRefs: ['component:default/cart', 'component:default/other'],
        statuses: ['draft'],
        limit: 10,
        offset: 0,
      });
      expect(byEntities.items.map(r => r.id)).toEqual(['draft']);
      expect(
        (await store.list({ entityRefs: [], limit: 10, offset: 0 })).items,
      ).toEqual([]);
    });

    it('lists calendar summaries in planned order, saying when there are more', async () => {
      const { store } = await createStore(databaseId);
      const window = (start: string, end: string) => ({
        start,
        end,
        timeZone: 'UTC',
      });
      await store.create(
        release('second', {
          plannedWindow: window('2030-01-02T09:00:00Z', '2030-01-02T10:00:00Z'),
        }),
        history(),
      );
      await store.create(
        release('first', {
          plannedWindow: window('2030-01-01T09:00:00Z', '2030-01-01T10:00:00Z'),
        }),
        history(),
      );
      await store.create(
        release('unplanned', { plannedWindow: null }),
        history(),
      );

      const all = await store.listSummaries({
        entityRefs: ['component:default/cart'],
        models: ['normal'],
        limit: 10,
      });
      expect(all.more).toBe(false);
      expect(all.items.map(r => r.id)).toEqual([
        'first',
        'second',
        'unplanned',
      ]);
      expect(all.items[0]).toEqual({
        id: 'first',
        title: 'Basket sharing',
        versionLabel: '4.2',
        status: 'draft',
        model: 'normal',
        releaseManager: 'user:default/rm',
        plannedWindow: {
          start: '2030-01-01T09:00:00.000Z',
          end: '2030-01-01T10:00:00.000Z',
          timeZone: 'UTC',
        },
        scope: ['component:default/cart'],
      });
      const page = await store.listSummaries({
        from: '2030-01-01T00:00:00Z',
        to: '2030-01-03T00:00:00Z',
        limit: 1,
      });
      expect(page).toMatchObject({ more: true, items: [{ id: 'first' }] });
      expect(
        (await store.listSummaries({ models: ['other'], limit: 5 })).items,
      ).toEqual([]);
    });

    it('loads many releases at once, in chunks', async () => {
      const { store } = await createStore(databaseId);
      await store.create(release('a'), history());
      await store.create(release('b'), history());
      const ids = [
        'b',
        ...Array.from({ length: 1200 }, (_, i) => `x${i}`),
        'a',
      ];
      const found = await store.getMany(ids);
      expect(found.map(r => r.id).sort()).toEqual(['a', 'b']);
    });

    it('keeps the columns metrics aggregate: review outcome, first deployment, final status', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.create(release('a'), history('created'));
      const move = (
        revision: number,
        status: StoredRelease['status'],
        at: string,
      ) =>
        store.update(
          'a',
          revision,
          { fields: { status } },
          { ...history(), at },
        );
      await move(1, 'deployed', '2030-01-02T00:00:00.000Z');
      await move(2, 'in-progress', '2030-01-03T00:00:00.000Z');
      // Deployed again: the first deployment is what lead time measures.
      await move(3, 'deployed', '2030-01-04T00:00:00.000Z');
      await store.update(
        'a',
        4,
        {
          fields: {
            review: {
              outcome: 'partially-successful',
              incidentCount: 3,
              incidentLinks: [],
              lessons: '',
            },
          },
        },
        history(),
      );
      await move(5, 'closed', '2030-01-05T00:00:00.000Z');
      expect(
        await knex('releases')
          .where({ id: 'a' })
          .first(
            'review_outcome',
            'review_incident_count',
            'deployed_at',
            'closed_at',
          ),
      ).toEqual({
        review_outcome: 'partially-successful',
        review_incident_count: 3,
        deployed_at: '2030-01-02T00:00:00.000Z',
        closed_at: '2030-01-05T00:00:00.000Z',
      });
    });
  });
});

import ICAL from 'ical.js';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { testUser } from '../__testUtils__/fixtures';
import { sampleCatalog, sampleModels } from '../__testUtils__/sampleCatalog';
import { as, base, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const admin = 'user:default/feed-admin';

// Everything is allowed but managing other people's feeds, which only the
// feed administrator may.
const decide = (
  requests: Array<{ permission: { name: string } }>,
  credentials: BackstageCredentials,
) =>
  requests.map(r => ({
    result:
      r.permission.name !== 'release-management.feed.manage' ||
      (credentials.principal as { userEntityRef?: string }).userEntityRef ===
        admin
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  }));
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    decide(requests as any, credentials) as any,
  authorizeConditional: async (requests, { credentials }) =>
    decide(requests as any, credentials) as any,
});
const c = (n: string) => `component:default/${n}`;
const day = 86_400_000;
// A Tuesday two weeks or more ahead, 08:00-10:00 UTC (09:00 or 10:00 in
// Oslo): inside the normal model's weekday-morning maintenance window.
function tuesday(weeksAhead = 2) {
  const d = new Date(Date.now() + weeksAhead * 7 * day);
  d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7));
  d.setUTCHours(7, 0, 0, 0);
  return d;
}
const window = (start: Date, hours = 2) => ({
  start: start.toISOString(),
  end: new Date(start.getTime() + hours * 3_600_000).toISOString(),
  timeZone: 'Europe/Oslo',
});

describe('scheduling over HTTP on the sample catalog', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const start = tuesday();

  beforeAll(async () => {
    app = await startTestApp({
      entities: [...sampleCatalog(), testUser('rm')],
      permissions: permissions.factory,
      models: sampleModels(),
    });
  });

  const post = (path: string, body: object, auth = rm) =>
    app.api.post(`${base}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = rm) =>
    app.api.get(`${base}${path}`).set('Authorization', auth);

  async function release(
    title: string,
    scope: string[],
    at = start,
    status = 'planned',
  ) {
    const created = await post('/releases', {
      model: 'standard',
      title,
      versionLabel: '1.0',
      scope: scope.map(entityRef => ({ entityRef, version: '1.0.0' })),
      plannedWindow: window(at),
    });
    expect(created.status).toBe(201);
    if (status === 'planned') {
      await post(`/releases/${created.body.id}/transitions`, {
        to: 'planned',
      }).expect(200);
    }
    return created.body;
  }

  it('checks a plan against releases, neighbours and freezes, and gates scheduling on it', async () => {
    const cart = await release('Cart change', [c('cart-service')]);
    await release('Pricing change', [c('pricing-service')]);

    const check = await post('/conflicts/check', {
      model: 'normal',
      scope: [c('cart-service')],
      window: window(start),
    });
    expect(check.status).toBe(200);
    expect(check.body.blocking).toBe(true);
    expect(check.body.conflicts.map((x: any) => x.kind)).toEqual(
      expect.arrayContaining(['same-entity', 'dependency']),
    );

    // The stored release sees its neighbour but not itself.
    const own = await get(`/releases/${cart.id}/conflicts`);
    expect(
      own.body.conflicts.map((x: any) => `${x.kind}/${x.severity}`),
    ).toEqual(['dependency/warning']);

    // A hard freeze on the commerce domain reaches cart-service by inheritance.
    const freeze = await post('/freeze-windows', {
      title: 'Peak',
      severity: 'hard',
      start: new Date(start.getTime() - day).toISOString(),
      end: new Date(start.getTime() + day).toISOString(),
      timeZone: 'Europe/Oslo',
      scope: { type: 'domains', refs: ['domain:default/commerce'] },
    });
    expect(freeze.status).toBe(201);
    await post(
      `/releases/${cart.id}/checklist/standard-build-green`,
      {},
    ).expect(404);
    await app.api
      .put(`${base}/releases/${cart.id}/checklist/standard-build-green`)
      .set('Authorization', rm)
      .send({ done: true })
      .expect(200);
    const blocked = await post(`/releases/${cart.id}/transitions`, {
      to: 'scheduled',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('Hard freeze "Peak"');
    expect(blocked.body.error.message).toContain(
      'is inherited from domain:default/commerce',
    );
    const override = await post(`/releases/${cart.id}/transitions`, {
      to: 'scheduled',
      override: {
        justification: 'The standard model may not override freezes',
      },
    });
    expect(override.status).toBe(409);
    expect(override.body.error.message).toContain('not even with an override');
    await app.api
      .delete(`${base}/freeze-windows/${freeze.body.id}`)
      .set('Authorization', rm)
      .expect(204);
    const scheduled = await post(`/releases/${cart.id}/transitions`, {
      to: 'scheduled',
    });
    expect(scheduled.status).toBe(200);
  });

  it('finds the next free slots around a release already planned', async () => {
    const later = tuesday(6);
    await release('Search change', [c('search-service')], later);
    const res = await post('/conflicts/slots', {
      model: 'standard',
      scope: [c('search-service')],
      durationMinutes: 120,
      timeZone: 'Europe/Oslo',
      from: new Date(later.getTime() - 3 * 3_600_000).toISOString(),
      days: 2,
      count: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body.slots).toHaveLength(3);
    for (const slot of res.body.slots) {
      const s = Date.parse(slot.start);
      const e = Date.parse(slot.end);
      expect(e - s).toBe(2 * 3_600_000);
      // None overlaps the planned release's window; touching is fine.
      expect(s >= later.getTime() + 2 * 3_600_000 || e <= later.getTime()).toBe(
        true,
      );
    }
  });

  it('shows an entity calendar with neighbours and why each item is there', async () => {
    const from = new Date(start.getTime() - 7 * day).toISOString();
    const to = new Date(start.getTime() + 7 * day).toISOString();
    const none = await get(
      `/calendar?from=${from}&to=${to}&entityRef=${c(
        'cart-service',
      )}&neighbours=none`,
    );
    expect(none.status).toBe(200);
    expect(none.body.releases.map((r: any) => [r.title, r.reason])).toEqual([
      ['Cart change', 'own'],
    ]);
    const direct = await get(
      `/calendar?from=${from}&to=${to}&entityRef=${c('cart-service')}`,
    );
    expect(
      direct.body.releases.map((r: any) => [r.title, r.reason, r.via]),
    ).toEqual(
      expect.arrayContaining([
        ['Cart change', 'own', c('cart-service')],
        ['Pricing change', 'dependency', c('pricing-service')],
      ]),
    );
    const system = await get(
      `/calendar?from=${from}&to=${to}&system=system:default/checkout`,
    );
    expect(system.body.releases.every((r: any) => r.reason === 'member')).toBe(
      true,
    );
    const owner = await get(
      `/calendar?from=${from}&to=${to}&owner=group:default/commerce-engineering`,
    );
    expect(owner.body.releases.map((r: any) => r.reason)).toContain('owned');
    expect(direct.body.snapshot.entities).toBeGreaterThan(0);
  });

  it('rejects bad calendar queries with clear 4xx', async () => {
    const now = Date.now();
    const iso = (t: number) => new Date(t).toISOString();
    const backwards = await get(
      `/calendar?from=${iso(now)}&to=${iso(now - day)}`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('from must be before to');
    const long = await get(
      `/calendar?from=${iso(now)}&to=${iso(now + 800 * day)}`,
    );
    expect(long.body.error.message).toContain('at most 731 days');
    const malformed = await get(
      `/calendar?from=${iso(now)}&to=${iso(now + day)}&entityRef=nope`,
    );
    expect(malformed.status).toBe(400);
    const two = await get(
      `/calendar?from=${iso(now)}&to=${iso(
        now + day,
      )}&system=system:default/checkout&domain=domain:default/commerce`,
    );
    expect(two.body.error.message).toContain('at most one of');
    const unknown = await get(
      `/calendar?from=${iso(now)}&to=${iso(now + day)}&entityRef=${c('ghost')}`,
    );
    expect(unknown.status).toBe(404);
    const badCheck = await post('/conflicts/check', {
      model: 'nope',
      scope: [c('cart-service')],
      window: window(start),
    });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.error.message).toBe(
      'model: no release model named "nope"',
    );
  });

  it('serves ICS feeds to calendar clients with a revocable token', async () => {
    const created = await post('/feeds', {
      scope: { type: 'entity', entityRef: c('cart-service') },
    });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(
      /^\/api\/release-management\/ics\/[A-Za-z0-9_-]{43}\.ics$/,
    );

    // No Authorization header: the token is the credential.
    const feed = await app.api.get(url.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map(e => new ICAL.Event(e));
    const cart = events.find(e => e.summary.startsWith('Cart change'));
    expect(cart).toBeDefined();
    expect(cart!.summary).toBe('Cart change (1.0) [scheduled]');
    expect(cart!.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    expect(cart!.description).toContain(
      'Scope: component:default/cart-service',
    );
    expect(cart!.component.getFirstPropertyValue('url')).toMatch(
      /^http:\/\/localhost:3000\/release-management\/releases\//,
    );

    const mine = await get('/feeds');
    expect(mine.body.items.map((f: any) => f.id)).toEqual([created.body.id]);
    expect(JSON.stringify(mine.body)).not.toContain(
      url.pathname.split('/').pop()!.slice(0, 20),
    );

    // It expires: 180 days by default, renewable by its owner.
    expect(
      Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt),
    ).toBe(180 * day);
    const renewed = await post(`/feeds/${created.body.id}/renew`, {});
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThanOrEqual(
      Date.parse(created.body.expiresAt),
    );
    await app.api
      .post(`${base}/feeds/${created.body.id}/renew`)
      .set('Authorization', as('user:default/outsider'))
      .expect(404);

    // Someone else cannot list or revoke it; the feed administrator can.
    await app.api
      .delete(`${base}/feeds/${created.body.id}`)
      .set('Authorization', as('user:default/outsider'))
      .expect(404);
    await app.api
      .get(`${base}/admin/feeds`)
      .set('Authorization', as('user:default/outsider'))
      .expect(403);
    const all = await app.api
      .get(`${base}/admin/feeds`)
      .set('Authorization', as(admin));
    expect(all.status).toBe(200);
    expect(all.body.items).toContainEqual(
      expect.objectContaining({
        id: created.body.id,
        owner: 'user:default/rm',
      }),
    );
    await app.api
      .delete(`${base}/feeds/${created.body.id}`)
      .set('Authorization', as(admin))
      .expect(204);
    const revoked = await app.api.get(url.pathname);
    expect(revoked.status).toBe(404);

    const guessed = await app.api.get(`${base}/ics/${'A'.repeat(43)}.ics`);
    expect(guessed.status).toBe(404);
    const malformed = await app.api.get(`${base}/ics/not-a-token`);
    expect(malformed.status).toBe(400);
    const service = await app.api
      .post(`${base}/feeds`)
      .set('Authorization', mockCredentials.service.header())
      .send({ scope: { type: 'all' } });
    expect(service.status).toBe(403);
  });
});

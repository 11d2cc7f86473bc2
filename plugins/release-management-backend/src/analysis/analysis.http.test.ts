import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { sampleCatalog, sampleModels } from '../__testUtils__/sampleCatalog';
import { as, base, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const c = (n: string) => `component:default/${n}`;

describe('analysis over HTTP on the sample catalog', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    app = await startTestApp({
      entities: sampleCatalog(),
      models: sampleModels(),
    });
  });
  const get = (path: string) =>
    app.api.get(`${base}${path}`).set('Authorization', rm);

  it('reports the snapshot it answers from', async () => {
    const res = await get('/analysis/snapshot');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entities: 72,
      catalogCalls: 1,
      truncated: false,
      stale: false,
    });
    expect(res.body.ageSeconds).toBeGreaterThanOrEqual(0);
  });

  it('follows API consumers and dependents from a changed provider', async () => {
    const res = await get(
      `/analysis/impact?entityRef=${c('product-service')}&maxDepth=2`,
    );
    expect(res.status).toBe(200);
    const reached = Object.fromEntries(
      res.body.entities.map((e: any) => [e.entityRef, e.path]),
    );
    expect(reached[c('web-shop')]).toEqual([
      c('product-service'),
      'api:default/product-api',
      c('web-shop'),
    ]);
    expect(reached[c('search-service')]).toEqual([
      c('product-service'),
      c('search-service'),
    ]);
    expect(reached['system:default/product-catalogue']).toBeDefined();
    expect(res.body.owners.map((o: any) => o.ref)).toEqual(
      expect.arrayContaining([
        'group:default/team-storefront',
        'group:default/team-checkout',
      ]),
    );
    expect(res.body.snapshot.entities).toBe(72);
  });

  it('orders a scope providers first and ships the cart cycle together', async () => {
    const refs = [
      'web-shop',
      'cart-service',
      'pricing-service',
      'promotions-service',
      'product-service',
    ]
      .map(n => `entityRef=${c(n)}`)
      .join('&');
    const res = await get(`/analysis/order?${refs}`);
    expect(res.status).toBe(200);
    expect(res.body.steps).toEqual([
      { entityRefs: [c('product-service')], cycle: false },
      {
        entityRefs: [
          c('cart-service'),
          c('pricing-service'),
          c('promotions-service'),
        ],
        cycle: true,
      },
      { entityRefs: [c('web-shop')], cycle: false },
    ]);
  });

  it('identifies models by annotation and by selector, one at a time or in bulk', async () => {
    const annotated = await get(
      `/analysis/applicable-model?entityRef=${c('cart-service')}`,
    );
    expect(annotated.body).toMatchObject({
      model: 'normal',
      source: 'annotation',
    });

    const bulk = await app.api
      .post(`${base}/analysis/applicable-models`)
      .set('Authorization', rm)
      .send({
        entityRefs: [
          c('recommendations-service'),
          c('legacy-order-monolith'),
          'api:default/cart-api',
        ],
      });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.map((i: any) => [i.entityRef, i.model])).toEqual([
      [c('recommendations-service'), 'standard'],
      [c('legacy-order-monolith'), null],
      ['api:default/cart-api', 'normal'],
    ]);
    expect(bulk.body.summary).toEqual(
      expect.arrayContaining([{ model: null, entities: 1 }]),
    );
  });

  it('verifies components and records it on a release', async () => {
    const res = await get(
      `/analysis/verification?entityRef=${c(
        'legacy-order-monolith',
      )}&entityRef=${c('payment-service')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.entities[0]).toMatchObject({ status: 'fail' });
    expect(
      res.body.entities[1].checks.find((k: any) => k.id === 'api-consumers')
        .message,
    ).toContain(c('order-service'));

    const created = await app.api
      .post(`${base}/releases`)
      .set('Authorization', rm)
      .send({
        model: 'normal',
        title: 'Payments',
        versionLabel: '7.1',
        scope: [{ entityRef: c('payment-service'), version: '7.1.0' }],
      });
    expect(created.status).toBe(201);
    const verified = await app.api
      .post(`${base}/releases/${created.body.id}/verification`)
      .set('Authorization', rm);
    expect(verified.status).toBe(200);
    expect(verified.body.verification).toMatchObject({
      status: 'warn',
      checkedBy: 'user:default/rm',
    });
    const history = await get(`/releases/${created.body.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'components-verified',
      details: { status: 'warn', failed: [] },
    });
  });

  it('explores a domain: cycle, hubs, entities without a model', async () => {
    const res = await get('/analysis/explorer?domain=domain:default/commerce');
    expect(res.status).toBe(200);
    expect(res.body.cycles).toEqual([
      [c('cart-service'), c('pricing-service'), c('promotions-service')],
    ]);
    expect(res.body.hubs.length).toBeGreaterThan(0);
    expect(res.body.withoutModel).toContain(c('legacy-order-monolith'));
    expect(res.body.entities.map((e: any) => e.entityRef)).toContain(
      'system:default/checkout',
    );
  });

  it('answers 400 and 404 with clear messages', async () => {
    const malformed = await get('/analysis/impact?entityRef=not-a-ref');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('is not an entity ref');
    const depth = await get(
      `/analysis/impact?entityRef=${c('cart-service')}&maxDepth=11`,
    );
    expect(depth.status).toBe(400);
    expect(depth.body.error.message).toContain('maxDepth');
    const neither = await get('/analysis/order');
    expect(neither.body.error.message).toContain('give either entityRef');
    const unknown = await get(`/analysis/impact?entityRef=${c('ghost')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /^Not in the catalog \(snapshot from \d+ s ago\): component:default\/ghost$/,
    );
    const notSystem = await get(
      `/analysis/explorer?system=${c('cart-service')}`,
    );
    expect(notSystem.status).toBe(400);
    expect(notSystem.body.error.message).toBe(
      'component:default/cart-service is a component, not a system or a domain',
    );
    const unknownRelease = await get('/analysis/impact?releaseId=nope');
    expect(unknownRelease.status).toBe(404);
  });
});

describe('analysis when the catalog cannot be read', () => {
  it('answers 503 with the reason, not 500', async () => {
    const catalog = catalogServiceMock.mock({
      queryEntities: jest
        .fn()
        .mockRejectedValue(new Error('connect ECONNREFUSED')),
    });
    const { api } = await startTestApp({ catalog: catalog.factory });
    const res = await api
      .get(`${base}/analysis/impact?entityRef=${c('x')}`)
      .set('Authorization', rm);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe(
      'The catalog could not be read for analysis: connect ECONNREFUSED',
    );
  });
});

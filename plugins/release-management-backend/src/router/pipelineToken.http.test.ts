import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { catalogEntities } from '../__testUtils__/fixtures';
import { base } from '../__testUtils__/testApp';
import { buildOpenApiDocument } from '../openapi/document';
import { releaseManagementPlugin } from '../plugin';

jest.setTimeout(60_000);

const PIPELINE_TOKEN = 'pipeline-token-for-tests-0123456789';
const OTHER_PLUGIN_TOKEN = 'catalog-only-token-for-tests-0123456789';

/**
 * The external access the README documents for pipelines, with the real
 * auth, HTTP auth and permission services (not mocks), since those are
 * what enforce `accessRestrictions`.
 */
const externalAccess = [
  {
    type: 'static',
    options: { token: PIPELINE_TOKEN, subject: 'ci-pipelines' },
    accessRestrictions: [
      {
        plugin: 'release-management',
        permission: [
          'release-management.deployment.read',
          'release-management.deployment.create',
          'release-management.deployment.gate',
        ],
      },
    ],
  },
  {
    type: 'static',
    options: { token: OTHER_PLUGIN_TOKEN, subject: 'catalog-reader' },
    accessRestrictions: [{ plugin: 'catalog' }],
  },
];

describe('a pipeline token restricted to deployments and the gate', () => {
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        releaseManagementPlugin,
        catalogServiceMock.factory({ entities: catalogEntities }),
        mockServices.rootConfig.factory({
          data: {
            backend: { auth: { externalAccess } },
            permission: { enabled: true },
          },
        }),
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
      ],
    });
    api = request(server);
  });

  const bearer = (token: string) => `Bearer ${token}`;
  const deployment = {
    externalId: 'gh:shop/cart/run/1',
    entityRef: 'component:default/cart',
    environment: 'staging',
    version: '1.0.0',
    status: 'succeeded',
  };

  it('may ask the gate, record and list deployments', async () => {
    const gate = await api
      .post(`${base}/gate`)
      .set('Authorization', bearer(PIPELINE_TOKEN))
      .send({
        entityRef: 'component:default/cart',
        environment: 'production',
        version: '1.0.0',
      });
    expect(gate.status).toBe(200);
    expect(gate.body.decision).toBe('prevented');

    const recorded = await api
      .post(`${base}/deployments`)
      .set('Authorization', bearer(PIPELINE_TOKEN))
      .send(deployment);
    expect(recorded.status).toBe(201);
    expect(recorded.body.deployment.recordedBy).toBe('ci-pipelines');

    const listed = await api
      .get(`${base}/deployments`)
      .set('Authorization', bearer(PIPELINE_TOKEN));
    expect(listed.status).toBe(200);
    expect(listed.body.totalCount).toBe(1);
  });

  const window = {
    start: '2030-01-01T09:00:00Z',
    end: '2030-01-01T10:00:00Z',
    timeZone: 'UTC',
  };
  it.each([
    ['get', '/releases', undefined],
    [
      'post',
      '/releases',
      { model: 'normal', title: 'T', versionLabel: '1', plannedWindow: window },
    ],
    ['get', '/models', undefined],
    ['get', '/freeze-windows', undefined],
    [
      'post',
      '/freeze-windows',
      { title: 'F', severity: 'hard', ...window, scope: { type: 'all' } },
    ],
    [
      'get',
      '/calendar?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z',
      undefined,
    ],
    [
      'post',
      '/conflicts/check',
      { model: 'normal', scope: ['component:default/cart'], window },
    ],
    ['get', '/analysis/impact?entityRef=component:default/cart', undefined],
  ] as const)('is refused %s %s (403)', async (method, path, body) => {
    const res = await api[method](`${base}${path}`)
      .set('Authorization', bearer(PIPELINE_TOKEN))
      .send(body);
    expect(res.status).toBe(403);
  });

  it('is refused every other route of the API, as the OpenAPI document lists them', async () => {
    // What the token is for, what needs no token, and the caller's own
    // (empty) feed list, which any principal may read.
    const allowed = new Set([
      'POST /gate',
      'POST /deployments',
      'GET /deployments',
      'GET /health',
      'GET /ics/{token}',
      'GET /feeds',
    ]);
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map(method => `${method.toUpperCase()} ${path}`),
    );
    const answers: string[] = [];
    let refused = 0;
    for (const route of routes.filter(r => !allowed.has(r))) {
      const [method, template] = route.split(' ');
      const path = template
        .replace('{id}', '00000000-0000-4000-8000-000000000000')
        .replace(/\{[a-zA-Z]+\}/g, 'x');
      const req = (api as any)
        [method.toLowerCase()](`${base}${path}`)
        .set('Authorization', bearer(PIPELINE_TOKEN));
      const res = ['POST', 'PUT', 'PATCH'].includes(method)
        ? await req.send({})
        : await req;
      // 400: refused for its body before any permission was asked; 404:
      // the answer an unknown id gets. Neither tells or does anything.
      if (res.status === 403) refused++;
      else if (res.status !== 400 && res.status !== 404) {
        answers.push(`${route}: ${res.status}`);
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(50);
    expect(answers).toEqual([]);
    // Routes that check their input first answer an empty body with 400;
    // the writes are refused with valid bodies in the test above.
    expect(refused).toBeGreaterThanOrEqual(10);
  });

  it('may not override a freeze: the token does not hold that permission', async () => {
    const res = await api
      .post(`${base}/gate`)
      .set('Authorization', bearer(PIPELINE_TOKEN))
      .send({
        entityRef: 'component:default/cart',
        environment: 'production',
        version: '1.0.0',
        override: { justification: 'Pipelines cannot do this alone' },
      });
    // No emergency release covers it, so the override is not even tried.
    expect(res.status).toBe(200);
    expect(res.body.overridden).toBe(false);
  });

  it('refuses tokens for other plugins and unknown tokens', async () => {
    const other = await api
      .post(`${base}/gate`)
      .set('Authorization', bearer(OTHER_PLUGIN_TOKEN))
      .send({
        entityRef: 'component:default/cart',
        environment: 'production',
        version: '1.0.0',
      });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain(
      "This token's access is restricted to plugin(s) 'catalog'",
    );
    const unknown = await api
      .get(`${base}/deployments`)
      .set('Authorization', bearer('not-a-token'));
    expect(unknown.status).toBe(401);
    const none = await api.get(`${base}/deployments`);
    expect(none.status).toBe(401);
  });
});

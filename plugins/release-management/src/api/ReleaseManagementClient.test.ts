import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { aCalendar, aRelease } from '../testUtils';
import { ReleaseManagementClient } from './ReleaseManagementClient';

const baseUrl = 'http://localhost:7007/api/release-management';

describe('ReleaseManagementClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ReleaseManagementClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads the health of the backend', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () => HttpResponse.json({ status: 'ok' })),
    );

    await expect(client.getHealth()).resolves.toEqual({ status: 'ok' });
  });

  it('turns an error response into a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'database unreachable' } },
          { status: 503 },
        ),
      ),
    );

    await expect(client.getHealth()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 503,
    });
  });

  it('sends calendar queries as repeated query parameters and parses the answer', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${baseUrl}/calendar`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(aCalendar());
      }),
    );

    const calendar = await client.getCalendar({
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-31T00:00:00.000Z',
      entityRef: 'component:default/cart-service',
      status: ['planned', 'scheduled'],
    });

    expect(calendar.snapshot.entities).toBe(72);
    expect(url?.searchParams.get('entityRef')).toBe(
      'component:default/cart-service',
    );
    expect(url?.searchParams.getAll('status')).toEqual([
      'planned',
      'scheduled',
    ]);
    expect(url?.searchParams.has('neighbours')).toBe(false);
  });

  it('rejects a body that does not match the schema', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json({ status: 'maybe' }),
      ),
    );

    await expect(client.getHealth()).rejects.toThrow(/status/);
  });

  it('sends writes as JSON with their method and encodes path segments', async () => {
    const seen: {
      method: string;
      path: string;
      type: string | null;
      body: unknown;
    }[] = [];
    server.use(
      http.all(`${baseUrl}/*`, async ({ request }) => {
        const url = new URL(request.url);
        seen.push({
          method: request.method,
          path: url.pathname.replace('/api/release-management', ''),
          type: request.headers.get('content-type'),
          body: request.method === 'DELETE' ? undefined : await request.json(),
        });
        if (request.method === 'DELETE')
          return new HttpResponse(null, { status: 204 });
        return HttpResponse.json(aRelease());
      }),
    );

    await client.transitionRelease('r 1', { to: 'planned', revision: 7 });
    await client.updateChecklistItem('r1', 'smoke/test', { done: true });
    await client.updatePhase('r1', 'ring 1', {
      status: 'in-progress',
      revision: 3,
    });
    await expect(client.revokeFeed('f1')).resolves.toBeUndefined();

    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/releases/r%201/transitions',
        type: 'application/json',
        body: { to: 'planned', revision: 7 },
      },
      {
        method: 'PUT',
        path: '/releases/r1/checklist/smoke%2Ftest',
        type: 'application/json',
        body: { done: true },
      },
      {
        method: 'POST',
        path: '/releases/r1/phases/ring%201',
        type: 'application/json',
        body: { status: 'in-progress', revision: 3 },
      },
      { method: 'DELETE', path: '/feeds/f1', type: null, body: undefined },
    ]);
  });

  it('unwraps item lists and asks analyses for a release or for entities', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(`${baseUrl}/releases/r1/gates`, () =>
        HttpResponse.json({
          items: [
            {
              to: 'scheduled',
              failures: [
                {
                  stage: 'plan',
                  kind: 'approval',
                  id: 'cab',
                  message: 'CAB has not approved',
                },
              ],
            },
          ],
        }),
      ),
      http.get(`${baseUrl}/analysis/order`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json({ steps: [], snapshot: aCalendar().snapshot });
      }),
    );

    await expect(client.getPendingGates('r1')).resolves.toEqual([
      {
        to: 'scheduled',
        failures: [
          {
            stage: 'plan',
            kind: 'approval',
            id: 'cab',
            message: 'CAB has not approved',
          },
        ],
      },
    ]);
    await client.getReleaseOrder({ releaseId: 'r1' });
    await client.getReleaseOrder({
      entityRefs: ['component:default/a', 'component:default/b'],
    });
    expect(urls.map(u => u.search)).toEqual([
      '?releaseId=r1',
      '?entityRef=component%3Adefault%2Fa&entityRef=component%3Adefault%2Fb',
    ]);
  });

  it('keeps the message of a refused write', async () => {
    server.use(
      http.patch(`${baseUrl}/releases/r1`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'release r1 is at revision 8, not 7',
            },
            // The body every Backstage backend sends with an error.
            request: { method: 'PATCH', url: '/releases/r1' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await expect(
      client.updateRelease('r1', { revision: 7, title: 'x' }),
    ).rejects.toMatchObject({
      statusCode: 409,
      body: {
        error: expect.objectContaining({
          message: 'release r1 is at revision 8, not 7',
        }),
      },
    });
  });
});

import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { aCalendar } from '../testUtils';
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
});

import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { releaseManagementPlugin } from './plugin';

describe('releaseManagementPlugin', () => {
  it('serves its health endpoint without credentials', async () => {
    const { server } = await startTestBackend({
      features: [releaseManagementPlugin],
    });

    const res = await request(server).get('/api/release-management/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers 404 for routes it does not have', async () => {
    const { server } = await startTestBackend({
      features: [releaseManagementPlugin],
    });

    const res = await request(server).get('/api/release-management/nope');

    expect(res.status).toBe(404);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { as, base, releaseBody, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');

/**
 * Links in releases and deployments are for people to follow; the server
 * must never fetch them, or a link could make it reach internal services.
 * A sentinel server counts every request it gets, and global fetch is
 * watched for calls to any of the links.
 */
describe('SSRF: links are stored, never fetched', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let sentinel: Server;
  let hits: string[];
  let sentinelUrl: string;
  let fetchSpy: jest.SpyInstance;

  beforeAll(async () => {
    hits = [];
    sentinel = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('ok');
    });
    await new Promise<void>(resolve =>
      sentinel.listen(0, '127.0.0.1', resolve),
    );
    sentinelUrl = `http://127.0.0.1:${
      (sentinel.address() as AddressInfo).port
    }`;
    app = await startTestApp({ models: pipelineModels });
    fetchSpy = jest.spyOn(globalThis, 'fetch');
  });

  afterAll(async () => {
    fetchSpy.mockRestore();
    await new Promise(resolve => sentinel.close(resolve));
  });

  it('records pipeline URLs and incident links without requesting them', async () => {
    const links = [
      `${sentinelUrl}/pipeline/1`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://localhost:7007/api/catalog/entities',
      `${sentinelUrl}/incident/INC-1`,
    ];
    const post = (path: string, body: object) =>
      app.api.post(`${base}${path}`).set('Authorization', rm).send(body);

    const release = await post(
      '/releases',
      releaseBody({
        model: 'flag',
        notes: `See ${links[0]} and ![img](${links[1]})`,
      }),
    );
    expect(release.status).toBe(201);

    for (const [i, link] of links.entries()) {
      const res = await post('/deployments', {
        externalId: `run-${i}`,
        entityRef: 'component:default/cart',
        environment: 'staging',
        version: '1.0.0',
        status: 'succeeded',
        pipelineUrl: link,
      });
      expect(res.status).toBe(201);
      expect(res.body.deployment.pipelineUrl).toBe(link);
    }

    const patched = await app.api
      .patch(`${base}/releases/${release.body.id}`)
      .set('Authorization', rm)
      .send({
        revision: release.body.revision,
        review: { outcome: 'failed', incidentCount: 2, incidentLinks: links },
      });
    expect(patched.status).toBe(200);
    expect(patched.body.review.incidentLinks).toEqual(links);

    // Reads that render links (ICS feeds, the release, its deployments).
    await app.api
      .get(`${base}/releases/${release.body.id}/deployments`)
      .set('Authorization', rm)
      .expect(200);
    const feed = await post('/feeds', { scope: { type: 'all' } });
    await app.api.get(new URL(feed.body.url).pathname).expect(200);

    await new Promise(resolve => setTimeout(resolve, 200));
    expect(hits).toEqual([]);
    const fetched = fetchSpy.mock.calls.map(([url]) => String(url));
    for (const link of links) {
      expect(fetched).not.toContain(link);
    }
  });
});

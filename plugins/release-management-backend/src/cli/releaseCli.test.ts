import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { catalogEntities } from '../__testUtils__/fixtures';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import { base } from '../__testUtils__/testApp';
import { releaseManagementPlugin } from '../plugin';

jest.setTimeout(120_000);

const PIPELINE = 'cli-pipeline-token-0123456789';
const ADMIN = 'cli-admin-token-0123456789';
const hour = 3_600_000;
const main = join(__dirname, 'main.ts');
const sucrase = require.resolve('sucrase/register/ts');

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI as pipelines do: a separate Node process. */
function cli(url: string, args: string[], token = PIPELINE): Promise<Run> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      ['-r', sucrase, main, ...args],
      {
        env: {
          PATH: process.env.PATH,
          RELEASE_MANAGEMENT_URL: url,
          RELEASE_MANAGEMENT_TOKEN: token,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('release-cli against a running backend', () => {
  let url: string;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        releaseManagementPlugin,
        catalogServiceMock.factory({ entities: catalogEntities }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: PIPELINE, subject: 'ci-pipelines' },
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
                    options: { token: ADMIN, subject: 'release-admin' },
                  },
                ],
              },
            },
            permission: { enabled: true },
            releaseManagement: { models: pipelineModels as any },
          },
        }),
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
      ],
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api = request(server);
  });

  const admin = (path: string, body: object) =>
    api
      .post(`${base}${path}`)
      .set('Authorization', `Bearer ${ADMIN}`)
      .send(body);

  it('gates, records and updates a deployment, with exit codes for each answer', async () => {
    const start = Math.ceil(Date.now() / hour) * hour + hour;
    const at = new Date(start + 30 * 60_000).toISOString();
    const release = await admin('/releases', {
      model: 'emergency',
      title: 'Cart hotfix',
      versionLabel: 'cart 1.0.1',
      releaseManager: 'user:default/rm',
      scope: [{ entityRef: 'component:default/cart', version: '1.0.1' }],
      plannedWindow: {
        start: new Date(start).toISOString(),
        end: new Date(start + 2 * hour).toISOString(),
        timeZone: 'Europe/Oslo',
      },
    }).expect(201);
    const releaseId = release.body.id;
    await admin(`/releases/${releaseId}/transitions`, {
      to: 'scheduled',
    }).expect(200);
    const args = [
      '--entity',
      'component:default/cart',
      '--env',
      'production',
      '--at',
      at,
    ];

    const refused = await cli(url, ['gate', ...args, '--version', '2.0.0']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(
      [
        `PREVENTED: component:default/cart 2.0.0 to production at ${at}`,
        `  - No scheduled or in-progress release covers component:default/cart 2.0.0 in production at ${at}`,
        '  - Release "Cart hotfix" releases component:default/cart 1.0.1, not 2.0.0',
        '',
      ].join('\n'),
    );

    const allowed = await cli(url, ['gate', ...args, '--version', '1.0.1']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(
      `ALLOWED: component:default/cart 1.0.1 to production at ${at} (release ${releaseId})`,
    );

    const deploy = [
      'deploy',
      '--entity',
      'component:default/cart',
      '--env',
      'production',
      '--version',
      '1.0.1',
      '--external-id',
      'gh:shop/cart/run/42',
      '--started-at',
      at,
    ];
    const started = await cli(url, [...deploy, '--status', 'started']);
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(
      /^RECORDED: component:default\/cart 1\.0\.1 to production is started \(deployment .+, revision 1\)\n {2}- part of release /,
    );
    const done = await cli(url, [...deploy, '--status', 'succeeded']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('UPDATED:');
    expect(done.stdout).toContain('is succeeded');

    const listed = await api
      .get(`${base}/deployments?entityRef=component:default/cart`)
      .set('Authorization', `Bearer ${PIPELINE}`)
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        externalId: 'gh:shop/cart/run/42',
        status: 'succeeded',
        releaseId,
        recordedBy: 'ci-pipelines',
      }),
    ]);

    // A release of a model that needs approval, planned but not approved.
    const waiting = await admin('/releases', {
      model: 'approved',
      title: 'Search facets',
      versionLabel: 'search 3.0.0',
      releaseManager: 'user:default/rm',
      scope: [{ entityRef: 'component:default/search', version: '3.0.0' }],
      plannedWindow: {
        start: new Date(start).toISOString(),
        end: new Date(start + 2 * hour).toISOString(),
        timeZone: 'Europe/Oslo',
      },
    }).expect(201);
    await admin(`/releases/${waiting.body.id}/transitions`, {
      to: 'planned',
    }).expect(200);
    const awaiting = await cli(url, [
      'gate',
      '--entity',
      'component:default/search',
      '--env',
      'production',
      '--version',
      '3.0.0',
      '--at',
      at,
    ]);
    expect(awaiting.code).toBe(2);
    expect(awaiting.stdout).toContain('AWAITING: ');
    expect(awaiting.stdout).toContain('not yet approved');
  });

  it('exits 3 with the reason when the call fails', async () => {
    const badToken = await cli(
      url,
      [
        'gate',
        '--entity',
        'component:default/cart',
        '--env',
        'production',
        '--version',
        '1',
      ],
      'wrong',
    );
    expect(badToken.code).toBe(3);
    expect(badToken.stderr).toMatch(/^release-cli: 401 Unauthorized: /);

    const badInput = await cli(url, [
      'deploy',
      '--entity',
      'cart',
      '--env',
      'production',
      '--version',
      '1',
      '--status',
      'done',
      '--external-id',
      'x',
    ]);
    expect(badInput.code).toBe(3);
    expect(badInput.stderr).toContain('400 Bad Request: Invalid deployment:');

    const missing = await cli(url, [
      'gate',
      '--entity',
      'component:default/cart',
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(
      'release-cli: missing --env, --version; try --help\n',
    );
  });
});

import { ConfigReader, type JsonObject } from '@backstage/config';
import { describePipelineAccess } from './pipelineAccess';

const restricted = (permission?: string[]) => ({
  plugin: 'release-management',
  ...(permission ? { permission } : {}),
});

function access(externalAccess?: JsonObject[]) {
  return describePipelineAccess(
    new ConfigReader(
      externalAccess ? { backend: { auth: { externalAccess } } } : {},
    ),
  );
}

describe('describePipelineAccess', () => {
  it('reports no pipeline access when nothing is configured', () => {
    expect(access()).toEqual({ configured: false, problems: [] });
    expect(access([])).toEqual({ configured: false, problems: [] });
  });

  it('reports no pipeline access when every token is for other plugins or permissions', () => {
    expect(
      access([
        {
          type: 'static',
          options: { token: 'catalog-token-0123456789', subject: 'cat' },
          accessRestrictions: [{ plugin: 'catalog' }],
        },
        {
          type: 'static',
          options: { token: 'reader-token-0123456789', subject: 'reader' },
          accessRestrictions: [
            restricted(['release-management.deployment.read']),
          ],
        },
      ]),
    ).toEqual({ configured: false, problems: [] });
  });

  it('accepts a secret token restricted to the gate', () => {
    expect(
      access([
        {
          type: 'static',
          options: { token: 'a-long-secret-token-xyz', subject: 'ci' },
          accessRestrictions: [
            restricted([
              'release-management.deployment.read',
              'release-management.deployment.gate',
            ]),
          ],
        },
      ]),
    ).toEqual({ configured: true, problems: [] });
  });

  it('warns about the published example token and about unrestricted tokens', () => {
    const { configured, problems } = access([
      {
        type: 'static',
        options: { token: 'dev-pipeline-token-change-me', subject: 'ci' },
        accessRestrictions: [restricted()],
      },
      {
        type: 'static',
        options: { token: 'another-secret-token-1', subject: 'admin' },
      },
    ]);
    expect(configured).toBe(true);
    expect(problems).toEqual([
      expect.stringContaining(
        'externalAccess[0] uses the published example token',
      ),
      expect.stringContaining('externalAccess[1] has no accessRestrictions'),
    ]);
  });
});

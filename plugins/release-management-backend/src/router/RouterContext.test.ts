import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  analysisReadPermission,
  deploymentReadPermission,
  releaseReadPermission,
} from '@release-management/plugin-release-management-common';
import { RouterContext } from './RouterContext';

function contextDenying(denied: string[]) {
  const authorize = jest.fn(async (requests: any[]) =>
    requests.map(r => ({
      result: denied.includes(r.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    })),
  );
  const ctx = new RouterContext({
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: { authorize, authorizeConditional: jest.fn() } as any,
    auditor: mockServices.auditor.mock(),
    releaseConditionTransformer: jest.fn(),
  });
  return { ctx, authorize };
}

describe('RouterContext.authorizeAll', () => {
  const credentials = mockCredentials.user();
  const requests = [
    { permission: analysisReadPermission },
    { permission: releaseReadPermission, resourceRef: 'r-1' },
    { permission: deploymentReadPermission },
  ];

  it('asks for every permission in one call and passes when all are granted', async () => {
    const { ctx, authorize } = contextDenying([]);
    await expect(ctx.authorizeAll(credentials, requests)).resolves.toBe(
      undefined,
    );
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(authorize).toHaveBeenCalledWith(
      [
        { permission: analysisReadPermission },
        { permission: releaseReadPermission, resourceRef: 'r-1' },
        { permission: deploymentReadPermission },
      ],
      { credentials },
    );
  });

  it('names the first refused permission in the order given', async () => {
    const { ctx } = contextDenying([
      deploymentReadPermission.name,
      releaseReadPermission.name,
    ]);
    await expect(ctx.authorizeAll(credentials, requests)).rejects.toThrow(
      `You are not allowed to do this (permission ${releaseReadPermission.name})`,
    );
  });
});

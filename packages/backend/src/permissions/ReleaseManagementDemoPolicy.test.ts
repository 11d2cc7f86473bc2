import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  deploymentOverridePermission,
  freezeWindowManagePermission,
  metricsReadPermission,
  releaseReadPermission,
  releaseTransitionPermission,
} from '@release-management/plugin-release-management-common';
import {
  RELEASE_MANAGERS,
  ReleaseManagementDemoPolicy,
} from './ReleaseManagementDemoPolicy';

function policyFor(ownershipEntityRefs: string[]) {
  return new ReleaseManagementDemoPolicy(
    mockServices.userInfo({ ownershipEntityRefs }),
  );
}

const user = {
  credentials: mockCredentials.user('user:default/dev'),
  info: { userEntityRef: 'user:default/dev', ownershipEntityRefs: [] },
};

describe('ReleaseManagementDemoPolicy', () => {
  it('lets release managers do anything', async () => {
    const policy = policyFor(['user:default/dev', RELEASE_MANAGERS]);
    for (const permission of [
      freezeWindowManagePermission,
      releaseTransitionPermission,
      metricsReadPermission,
    ]) {
      expect(await policy.handle({ permission }, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('limits others to releases they manage or whose scope they own', async () => {
    const policy = policyFor(['user:default/dev', 'group:default/team-cart']);
    const claims = ['user:default/dev', 'group:default/team-cart'];
    expect(
      await policy.handle({ permission: releaseTransitionPermission }, user),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'release-management',
      resourceType: 'release-management-release',
      conditions: {
        anyOf: [
          {
            rule: 'IS_RELEASE_MANAGER',
            resourceType: 'release-management-release',
            params: { claims },
          },
          {
            rule: 'HAS_SCOPE_OWNED_BY',
            resourceType: 'release-management-release',
            params: { claims },
          },
        ],
      },
    });
    for (const permission of [
      freezeWindowManagePermission,
      deploymentOverridePermission,
      metricsReadPermission,
    ]) {
      expect(await policy.handle({ permission }, user)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('keeps restricted releases to their manager, their scope owners and the release managers', async () => {
    const claims = ['user:default/dev', 'group:default/team-cart'];
    expect(
      await policyFor(claims).handle(
        { permission: releaseReadPermission },
        user,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'release-management',
      resourceType: 'release-management-release',
      conditions: {
        anyOf: [
          {
            not: {
              rule: 'HAS_VISIBILITY',
              resourceType: 'release-management-release',
              params: { visibilities: ['restricted'] },
            },
          },
          {
            rule: 'IS_RELEASE_MANAGER',
            resourceType: 'release-management-release',
            params: { claims },
          },
          {
            rule: 'HAS_SCOPE_OWNED_BY',
            resourceType: 'release-management-release',
            params: { claims },
          },
        ],
      },
    });
    expect(
      await policyFor(['user:default/dev', RELEASE_MANAGERS]).handle(
        { permission: releaseReadPermission },
        user,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});

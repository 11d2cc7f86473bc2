import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createReleaseConditionalDecision,
  releaseConditions,
} from '@release-management/plugin-release-management-backend';
import {
  deploymentOverridePermission,
  freezeWindowManagePermission,
  metricsReadPermission,
  releaseApprovePermission,
  releaseModelManagePermission,
  releaseOverridePermission,
  releaseReadPermission,
  releaseTransitionPermission,
  releaseUpdatePermission,
} from '@release-management/plugin-release-management-common';

/** The group whose members run releases in the sample organisation. */
export const RELEASE_MANAGERS = 'group:default/release-managers';

/**
 * The demo app's policy, showing the release-management rules at work:
 *
 * - everyone may read and plan releases, except restricted (embargoed)
 *   ones: only their release manager, owners of their scope and the
 *   release managers' group read those; everyone else sees their window
 *   as busy and nothing more;
 * - release managers may do anything;
 * - others may change, move and approve only releases they manage or whose
 *   scope holds something their team owns (a conditional decision, which
 *   the plugin turns into SQL);
 * - only release managers manage models, freeze windows and overrides,
 *   including deploying through a freeze under an emergency release, and
 *   read the metrics (they aggregate over every release, whoever owns it).
 *
 * Calls from services never reach the policy: the permission framework
 * decides them from the token's external-access `accessRestrictions`
 * (app-config.yaml gives the pipeline token the deployment permissions
 * only).
 */
export class ReleaseManagementDemoPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.ALLOW };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const isReleaseManager = ownershipEntityRefs.includes(RELEASE_MANAGERS);

    if (
      isPermission(request.permission, releaseModelManagePermission) ||
      isPermission(request.permission, freezeWindowManagePermission) ||
      isPermission(request.permission, releaseOverridePermission) ||
      isPermission(request.permission, deploymentOverridePermission) ||
      isPermission(request.permission, metricsReadPermission)
    ) {
      return {
        result: isReleaseManager ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }

    if (isPermission(request.permission, releaseReadPermission)) {
      if (isReleaseManager) return { result: AuthorizeResult.ALLOW };
      return createReleaseConditionalDecision(request.permission, {
        anyOf: [
          {
            not: releaseConditions.hasVisibility({
              visibilities: ['restricted'],
            }),
          },
          releaseConditions.isReleaseManager({ claims: ownershipEntityRefs }),
          releaseConditions.hasScopeOwnedBy({ claims: ownershipEntityRefs }),
        ],
      });
    }

    for (const permission of [
      releaseUpdatePermission,
      releaseTransitionPermission,
      releaseApprovePermission,
    ]) {
      if (isPermission(request.permission, permission)) {
        if (isReleaseManager) {
          return { result: AuthorizeResult.ALLOW };
        }
        return createReleaseConditionalDecision(permission, {
          anyOf: [
            releaseConditions.isReleaseManager({ claims: ownershipEntityRefs }),
            releaseConditions.hasScopeOwnedBy({ claims: ownershipEntityRefs }),
          ],
        });
      }
    }

    return { result: AuthorizeResult.ALLOW };
  }
}

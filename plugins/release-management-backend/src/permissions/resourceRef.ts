import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { RELEASE_RESOURCE_TYPE } from '@release-management/plugin-release-management-common';
import type {
  ReleaseRuleFilter,
  StoredRelease,
} from '../database/ReleaseStore';

/**
 * Releases as a permission resource: rules see a stored release and turn
 * into SQL filters of the release store.
 *
 * @public
 */
export const releaseResourceRef = createPermissionResourceRef<
  StoredRelease,
  ReleaseRuleFilter
>().with({
  pluginId: 'release-management',
  resourceType: RELEASE_RESOURCE_TYPE,
});

import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  RELEASE_RESOURCE_TYPE,
  releaseManagementPermissions,
} from './permissions';

describe('releaseManagementPermissions', () => {
  it('gives every permission a unique name in the plugin namespace', () => {
    const names = releaseManagementPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^release-management\.[a-z-]+\.[a-z-]+$/);
    }
  });

  it('ties every resource permission to the release resource type', () => {
    const resourcePermissions = releaseManagementPermissions.filter(p =>
      isResourcePermission(p),
    );
    expect(resourcePermissions.map(p => p.name)).toEqual([
      'release-management.release.read',
      'release-management.release.update',
      'release-management.release.transition',
      'release-management.release.approve',
    ]);
    for (const permission of resourcePermissions) {
      expect(isResourcePermission(permission, RELEASE_RESOURCE_TYPE)).toBe(
        true,
      );
    }
  });
});

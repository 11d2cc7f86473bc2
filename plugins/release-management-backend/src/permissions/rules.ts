import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  RELEASE_STATUSES,
  releaseVisibilitySchema,
} from '@release-management/plugin-release-management-common';
import { z } from 'zod';
import { releaseResourceRef } from './resourceRef';

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      'Entity refs to match, usually the ownership refs of the user (user and groups)',
    ),
});

/**
 * The release manager is one of the claims: "I run this release".
 *
 * @public
 */
export const isReleaseManager = createPermissionRule({
  name: 'IS_RELEASE_MANAGER',
  description: 'Allow releases whose release manager is one of the claims',
  resourceRef: releaseResourceRef,
  paramsSchema: claimsSchema,
  apply: (release, { claims }) => claims.includes(release.releaseManager),
  toQuery: ({ claims }) => ({ property: 'releaseManager', values: claims }),
});

/**
 * An entity in the scope is owned by one of the claims: "this release
 * touches something my team owns".
 *
 * @public
 */
export const hasScopeOwnedBy = createPermissionRule({
  name: 'HAS_SCOPE_OWNED_BY',
  description:
    'Allow releases with an entity in scope owned by one of the claims',
  resourceRef: releaseResourceRef,
  paramsSchema: claimsSchema,
  apply: (release, { claims }) =>
    release.scope.some(item => item.owner && claims.includes(item.owner)),
  toQuery: ({ claims }) => ({ property: 'scopeOwner', values: claims }),
});

/**
 * An entity in the scope is one of the given refs.
 *
 * @public
 */
export const hasScopeEntity = createPermissionRule({
  name: 'HAS_SCOPE_ENTITY',
  description: 'Allow releases whose scope contains one of the entities',
  resourceRef: releaseResourceRef,
  paramsSchema: z.object({
    entityRefs: z.array(z.string()).describe('Full entity refs'),
  }),
  apply: (release, { entityRefs }) =>
    release.scope.some(item => entityRefs.includes(item.entityRef)),
  toQuery: ({ entityRefs }) => ({
    property: 'scopeEntity',
    values: entityRefs,
  }),
});

/**
 * The release is in one of the statuses.
 *
 * @public
 */
export const hasStatus = createPermissionRule({
  name: 'HAS_STATUS',
  description: 'Allow releases in one of the statuses',
  resourceRef: releaseResourceRef,
  paramsSchema: z.object({
    statuses: z.array(z.enum(RELEASE_STATUSES)).describe('Release statuses'),
  }),
  apply: (release, { statuses }) => statuses.includes(release.status),
  toQuery: ({ statuses }) => ({ property: 'status', values: statuses }),
});

/**
 * The release has one of the visibilities: with `not`, a policy keeps
 * restricted (embargoed) releases from everyone but the people it names.
 *
 * @public
 */
export const hasVisibility = createPermissionRule({
  name: 'HAS_VISIBILITY',
  description:
    'Allow releases with one of the visibilities (normal or restricted)',
  resourceRef: releaseResourceRef,
  paramsSchema: z.object({
    visibilities: z
      .array(releaseVisibilitySchema)
      .describe('Release visibilities'),
  }),
  apply: (release, { visibilities }) =>
    visibilities.includes(release.visibility),
  toQuery: ({ visibilities }) => ({
    property: 'visibility',
    values: visibilities,
  }),
});

/** Every rule of the release resource type. */
export const releaseRules = {
  isReleaseManager,
  hasScopeOwnedBy,
  hasScopeEntity,
  hasStatus,
  hasVisibility,
};

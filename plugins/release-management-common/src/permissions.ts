import {
  createPermission,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Resource type of releases, so that policies can grant access to some
 * releases only (for example those whose scope a team owns).
 *
 * @public
 */
export const RELEASE_RESOURCE_TYPE = 'release-management-release';

/** @public */
export type ReleaseResourceType = typeof RELEASE_RESOURCE_TYPE;

/**
 * Read release models. Models are not secret within an organisation, so this
 * is a basic permission.
 *
 * @public
 */
export const releaseModelReadPermission = createPermission({
  name: 'release-management.model.read',
  attributes: { action: 'read' },
});

/**
 * Create, change or retire release models managed through the API.
 * Models declared in app-config are read-only whatever the policy says.
 *
 * @public
 */
export const releaseModelManagePermission = createPermission({
  name: 'release-management.model.manage',
  attributes: { action: 'update' },
});

/** @public */
export const releaseReadPermission: ResourcePermission<ReleaseResourceType> =
  createPermission({
    name: 'release-management.release.read',
    attributes: { action: 'read' },
    resourceType: RELEASE_RESOURCE_TYPE,
  });

/** @public */
export const releaseCreatePermission = createPermission({
  name: 'release-management.release.create',
  attributes: { action: 'create' },
});

/**
 * Edit a release's plan, scope, checklist, phases and review.
 *
 * @public
 */
export const releaseUpdatePermission: ResourcePermission<ReleaseResourceType> =
  createPermission({
    name: 'release-management.release.update',
    attributes: { action: 'update' },
    resourceType: RELEASE_RESOURCE_TYPE,
  });

/**
 * Move a release from one status to another. Separate from update because
 * many teams let anyone edit notes but only release managers run releases.
 *
 * @public
 */
export const releaseTransitionPermission: ResourcePermission<ReleaseResourceType> =
  createPermission({
    name: 'release-management.release.transition',
    attributes: { action: 'update' },
    resourceType: RELEASE_RESOURCE_TYPE,
  });

/**
 * Give or refuse an approval. Whether the caller is one of the approvers a
 * gate asks for is checked by the plugin on top of this permission.
 *
 * @public
 */
export const releaseApprovePermission: ResourcePermission<ReleaseResourceType> =
  createPermission({
    name: 'release-management.release.approve',
    attributes: { action: 'update' },
    resourceType: RELEASE_RESOURCE_TYPE,
  });

/**
 * Schedule a release despite blocking conflicts (freezes, overlaps), with a
 * recorded justification.
 *
 * @public
 */
export const releaseOverridePermission = createPermission({
  name: 'release-management.release.override',
  attributes: { action: 'update' },
});

/** @public */
export const freezeWindowReadPermission = createPermission({
  name: 'release-management.freeze-window.read',
  attributes: { action: 'read' },
});

/** @public */
export const freezeWindowManagePermission = createPermission({
  name: 'release-management.freeze-window.manage',
  attributes: { action: 'update' },
});

/** @public */
export const deploymentReadPermission = createPermission({
  name: 'release-management.deployment.read',
  attributes: { action: 'read' },
});

/**
 * Record deployments — what CI/CD pipelines are given.
 *
 * @public
 */
export const deploymentCreatePermission = createPermission({
  name: 'release-management.deployment.create',
  attributes: { action: 'create' },
});

/**
 * Ask the deployment gate whether an entity may be deployed now.
 *
 * @public
 */
export const deploymentGatePermission = createPermission({
  name: 'release-management.deployment.gate',
  attributes: { action: 'read' },
});

/**
 * Let a deployment through a hard freeze with a recorded justification.
 * Only releases of emergency models whose policy allows freeze overrides
 * qualify; pipeline tokens should not hold it.
 *
 * @public
 */
export const deploymentOverridePermission = createPermission({
  name: 'release-management.deployment.override',
  attributes: { action: 'update' },
});

/**
 * Read architecture analyses (impact, release order, applicable models,
 * component verification, explorer). They show catalog structure as the
 * plugin's service sees it, so grant it to those who may see the catalog.
 *
 * @public
 */
export const analysisReadPermission = createPermission({
  name: 'release-management.analysis.read',
  attributes: { action: 'read' },
});

/**
 * Read the release management metrics. They aggregate over every release
 * and deployment, so a conditional read decision does not narrow them.
 *
 * @public
 */
export const metricsReadPermission = createPermission({
  name: 'release-management.metrics.read',
  attributes: { action: 'read' },
});

/**
 * List every user's calendar feeds and revoke any of them: for
 * administrators, e.g. when someone leaves or a feed URL leaked. Owners
 * list, renew and revoke their own feeds without it.
 *
 * @public
 */
export const feedManagePermission = createPermission({
  name: 'release-management.feed.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission of the plugin, for registration with the permission
 * framework and for policies that want to list them.
 *
 * @public
 */
export const releaseManagementPermissions: Array<
  BasicPermission | ResourcePermission<ReleaseResourceType>
> = [
  releaseModelReadPermission,
  releaseModelManagePermission,
  releaseReadPermission,
  releaseCreatePermission,
  releaseUpdatePermission,
  releaseTransitionPermission,
  releaseApprovePermission,
  releaseOverridePermission,
  freezeWindowReadPermission,
  freezeWindowManagePermission,
  deploymentReadPermission,
  deploymentCreatePermission,
  deploymentGatePermission,
  deploymentOverridePermission,
  analysisReadPermission,
  metricsReadPermission,
  feedManagePermission,
];

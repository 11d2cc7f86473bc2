import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef({
  id: 'release-management',
});

// The pages below the release management page. Components link to them
// through `useRouteRef`, so the app decides where the page is mounted.

/** @public */
export const releasesRouteRef = createSubRouteRef({
  id: 'release-management/releases',
  parent: rootRouteRef,
  path: '/releases',
});

/** @public */
export const newReleaseRouteRef = createSubRouteRef({
  id: 'release-management/new-release',
  parent: rootRouteRef,
  path: '/releases/new',
});

/** @public */
export const releaseRouteRef = createSubRouteRef({
  id: 'release-management/release',
  parent: rootRouteRef,
  path: '/releases/:id',
});

/** @public */
export const editReleaseRouteRef = createSubRouteRef({
  id: 'release-management/edit-release',
  parent: rootRouteRef,
  path: '/releases/:id/edit',
});

/** @public */
export const modelsRouteRef = createSubRouteRef({
  id: 'release-management/models',
  parent: rootRouteRef,
  path: '/models',
});

/** @public */
export const modelRouteRef = createSubRouteRef({
  id: 'release-management/model',
  parent: rootRouteRef,
  path: '/models/:name',
});

/** @public */
export const freezeWindowsRouteRef = createSubRouteRef({
  id: 'release-management/freeze-windows',
  parent: rootRouteRef,
  path: '/freeze-windows',
});

/** @public */
export const freezeWindowRouteRef = createSubRouteRef({
  id: 'release-management/freeze-window',
  parent: rootRouteRef,
  path: '/freeze-windows/:id',
});

/** @public */
export const architectureRouteRef = createSubRouteRef({
  id: 'release-management/architecture',
  parent: rootRouteRef,
  path: '/architecture',
});

/** @public */
export const metricsRouteRef = createSubRouteRef({
  id: 'release-management/metrics',
  parent: rootRouteRef,
  path: '/metrics',
});

/**
 * Every route of the plugin by name, as both frontend systems register
 * them; an app binds or links to them by these names.
 */
export const releaseManagementRoutes = {
  root: rootRouteRef,
  releases: releasesRouteRef,
  newRelease: newReleaseRouteRef,
  release: releaseRouteRef,
  editRelease: editReleaseRouteRef,
  models: modelsRouteRef,
  model: modelRouteRef,
  freezeWindows: freezeWindowsRouteRef,
  freezeWindow: freezeWindowRouteRef,
  architecture: architectureRouteRef,
  metrics: metricsRouteRef,
};

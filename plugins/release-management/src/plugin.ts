import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { releaseManagementApiRef, ReleaseManagementClient } from './api';
import { releaseManagementRoutes, rootRouteRef } from './routes';

/**
 * The release-management plugin for apps on the legacy frontend system.
 * Apps on the new frontend system import `/alpha` instead.
 *
 * @public
 */
export const releaseManagementPlugin = createPlugin({
  id: 'release-management',
  apis: [
    createApiFactory({
      api: releaseManagementApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ReleaseManagementClient(deps),
    }),
  ],
  routes: releaseManagementRoutes,
});

/** @public */
export const ReleaseManagementPage = releaseManagementPlugin.provide(
  createRoutableExtension({
    name: 'ReleaseManagementPage',
    component: () =>
      import('./components/ReleaseManagementPage').then(
        m => m.ReleaseManagementPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** @public */
export const EntityReleaseCalendarCard = releaseManagementPlugin.provide(
  createComponentExtension({
    name: 'EntityReleaseCalendarCard',
    component: {
      lazy: () =>
        import('./components/EntityReleaseCalendarCard').then(
          m => m.EntityReleaseCalendarCard,
        ),
    },
  }),
);

/**
 * The entity page tab: the entity's full release calendar, its release
 * history, the model that applies to it and the impact of its next release.
 * Show it where `isReleaseManagementAvailable` holds.
 *
 * @public
 */
export const EntityReleasesContent = releaseManagementPlugin.provide(
  createComponentExtension({
    name: 'EntityReleasesContent',
    component: {
      lazy: () =>
        import('./components/EntityReleasesContent').then(
          m => m.EntityReleasesContent,
        ),
    },
  }),
);

import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import EventNoteIcon from '@material-ui/icons/EventNote';
import { releaseManagementApiRef, ReleaseManagementClient } from './api';
import { isReleaseManagementAvailable } from './components/EntityReleasesContent/isReleaseManagementAvailable';
import { releaseManagementRoutes, rootRouteRef } from './routes';

const releaseManagementApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: releaseManagementApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ReleaseManagementClient(deps),
    }),
});

const releaseManagementPage = PageBlueprint.make({
  params: {
    path: '/release-management',
    title: 'Releases',
    icon: <EventNoteIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ReleaseManagementPage').then(m =>
        compatWrapper(<m.ReleaseManagementPage withHeader={false} />),
      ),
  },
});

const entityReleaseCalendarCard = EntityCardBlueprint.make({
  name: 'release-calendar',
  params: {
    filter: isReleaseManagementAvailable,
    loader: () =>
      import('./components/EntityReleaseCalendarCard').then(m =>
        compatWrapper(<m.EntityReleaseCalendarCard />),
      ),
  },
});

const entityReleasesContent = EntityContentBlueprint.make({
  name: 'releases',
  params: {
    path: '/releases',
    title: 'Releases',
    filter: isReleaseManagementAvailable,
    loader: () =>
      import('./components/EntityReleasesContent').then(m =>
        compatWrapper(<m.EntityReleasesContent />),
      ),
  },
});

/**
 * The release-management plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'release-management',
  title: 'Releases',
  icon: <EventNoteIcon fontSize="inherit" />,
  routes: convertLegacyRouteRefs(releaseManagementRoutes),
  extensions: [
    releaseManagementApi,
    releaseManagementPage,
    entityReleaseCalendarCard,
    entityReleasesContent,
  ],
});

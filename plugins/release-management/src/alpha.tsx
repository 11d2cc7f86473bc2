import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import EventNoteIcon from '@material-ui/icons/EventNote';
import { releaseManagementApiRef, ReleaseManagementClient } from './api';
import { rootRouteRef } from './routes';

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

// Catalog entities that can be configuration items of a release.
const configurationItemKinds = ['component', 'resource', 'api', 'system'];

const entityReleaseCalendarCard = EntityCardBlueprint.make({
  name: 'release-calendar',
  params: {
    filter: entity =>
      configurationItemKinds.includes(entity.kind.toLocaleLowerCase('en-US')),
    loader: () =>
      import('./components/EntityReleaseCalendarCard').then(m =>
        compatWrapper(<m.EntityReleaseCalendarCard />),
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
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
  extensions: [
    releaseManagementApi,
    releaseManagementPage,
    entityReleaseCalendarCard,
  ],
});

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { releaseManagementPermissions } from '@release-management/plugin-release-management-common';
import { createRouter } from './service/router';

/**
 * The release-management backend plugin.
 *
 * @public
 */
export const releaseManagementPlugin = createBackendPlugin({
  pluginId: 'release-management',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ httpRouter, permissionsRegistry }) {
        permissionsRegistry.addPermissions(releaseManagementPermissions);
        httpRouter.use(await createRouter());
        // Load balancers and uptime probes call this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

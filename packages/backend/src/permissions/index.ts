import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ReleaseManagementDemoPolicy } from './ReleaseManagementDemoPolicy';

/** Installs the demo permission policy into the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'release-management-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ReleaseManagementDemoPolicy(userInfo));
      },
    });
  },
});

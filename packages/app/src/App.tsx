import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import releaseManagementPlugin from '@release-management/plugin-release-management/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, releaseManagementPlugin, navModule],
});

import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import releaseManagementPlugin from '@release-management/plugin-release-management/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [
    catalogPlugin,
    // Owners are told about releases that touch them through notifications;
    // signals push them to the open app without a reload.
    notificationsPlugin,
    signalsPlugin,
    releaseManagementPlugin,
    navModule,
  ],
});

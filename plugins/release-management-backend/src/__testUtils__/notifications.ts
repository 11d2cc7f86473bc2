import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';

/**
 * A notification service that keeps what it is asked to send, for tests;
 * the real one calls the notifications backend over HTTP.
 */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (options: NotificationSendOptions) => {
        sent.push(options);
      },
    }),
  });
  return { sent, factory };
}

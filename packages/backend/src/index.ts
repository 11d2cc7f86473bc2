import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// the event bus that notifications and signals use across plugins
backend.add(import('@backstage/plugin-events-backend'));

// auth: guest sign-in for the demo, see https://backstage.io/docs/auth/guest/provider
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, loaded with the sample organisation from examples/
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions: a demo policy that shows the release-management rules; see
// src/permissions and the release-management backend README.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// release management
backend.add(import('@release-management/plugin-release-management-backend'));

backend.start();

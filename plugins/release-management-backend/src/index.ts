/**
 * Backend of the release-management plugin.
 *
 * @packageDocumentation
 */

export { releaseManagementPlugin as default } from './plugin';

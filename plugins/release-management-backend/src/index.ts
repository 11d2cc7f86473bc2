/**
 * Backend of the release-management plugin.
 *
 * @packageDocumentation
 */

export { releaseManagementPlugin as default } from './plugin';
export {
  releaseConditions,
  createReleaseConditionalDecision,
  releaseResourceRef,
  isReleaseManager,
  hasScopeOwnedBy,
  hasScopeEntity,
  hasStatus,
  hasVisibility,
} from './permissions';

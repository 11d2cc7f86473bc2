export { releaseResourceRef } from './resourceRef';
export {
  releaseRules,
  isReleaseManager,
  hasScopeOwnedBy,
  hasScopeEntity,
  hasStatus,
  hasVisibility,
} from './rules';
export {
  releaseConditions,
  createReleaseConditionalDecision,
} from './conditions';

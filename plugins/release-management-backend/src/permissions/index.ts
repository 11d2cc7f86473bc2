export { releaseResourceRef } from './resourceRef';
export {
  releaseRules,
  isReleaseManager,
  hasScopeOwnedBy,
  hasScopeEntity,
  hasStatus,
} from './rules';
export {
  releaseConditions,
  createReleaseConditionalDecision,
} from './conditions';

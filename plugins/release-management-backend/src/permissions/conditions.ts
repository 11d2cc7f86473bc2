import { createConditionExports } from '@backstage/plugin-permission-node';
import { releaseResourceRef } from './resourceRef';
import { releaseRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: releaseResourceRef,
  rules: releaseRules,
});

/**
 * Conditions for permission policies, e.g.
 * `releaseConditions.hasScopeOwnedBy({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const releaseConditions = conditions;

/**
 * Wraps release conditions into a conditional policy decision.
 *
 * @public
 */
export const createReleaseConditionalDecision = createConditionalDecision;

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/**
 * A catalog entity ref in full form, `kind:namespace/name`. `kind:name` is
 * accepted and completed with the `default` namespace; the result is always
 * the canonical lower-case form, so that refs compare as strings.
 *
 * @public
 */
export const entityRefSchema = z
  .string()
  .trim()
  .min(1, 'must be an entity ref such as component:default/cart-service')
  .max(512)
  .transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value);
      if (!value.includes(':')) {
        throw new Error('missing kind');
      }
      return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an entity ref; expected kind:namespace/name, e.g. component:default/cart-service`,
      });
      return z.NEVER;
    }
  });

/**
 * A ref to a group or user, as used for owners, release managers and
 * approvers. `group:team-a` and `user:jane` are completed to full refs.
 *
 * @public
 */
export const principalRefSchema = entityRefSchema.refine(
  ref => ref.startsWith('group:') || ref.startsWith('user:'),
  { message: 'must be a group or user ref, e.g. group:default/team-a' },
);

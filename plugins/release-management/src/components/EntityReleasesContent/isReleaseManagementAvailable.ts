import type { Entity } from '@backstage/catalog-model';

// The kinds of catalog entity that can be configuration items of a release.
const CONFIGURATION_ITEM_KINDS = ['component', 'resource', 'api', 'system'];

/**
 * Whether an entity can be in a release's scope, and so whether its page
 * gets the "Releases" tab: Components, Resources, APIs and Systems.
 *
 * @public
 */
export function isReleaseManagementAvailable(entity: Entity): boolean {
  return CONFIGURATION_ITEM_KINDS.includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ScopeItem } from '@release-management/plugin-release-management-common';
import type { StoredScopeItem } from '../database/ReleaseStore';

/**
 * Checks a release's scope against the catalog and records each entity's
 * owner and system, which permission rules and approvals need later without
 * a catalog round-trip.
 */
export class CatalogScopeResolver {
  constructor(private readonly catalog: CatalogService) {}

  /** Throws InputError naming every ref the catalog does not know. */
  async resolve(
    scope: ScopeItem[],
    credentials: BackstageCredentials,
  ): Promise<StoredScopeItem[]> {
    if (scope.length === 0) return [];
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: scope.map(s => s.entityRef),
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'spec.owner',
          'spec.system',
        ],
      },
      { credentials },
    );
    const missing = scope.filter((_, i) => !items[i]).map(s => s.entityRef);
    if (missing.length > 0) {
      throw new InputError(
        `scope: the catalog has no ${
          missing.length === 1 ? 'entity' : 'entities'
        } ${missing.join(', ')}`,
      );
    }
    return scope.map((item, i) => {
      const entity = items[i]!;
      return {
        entityRef: item.entityRef,
        version: item.version,
        owner: relatedRef(entity, 'owner', 'group'),
        system: relatedRef(entity, 'system', 'system'),
      };
    });
  }
}

function relatedRef(
  entity: Entity,
  field: 'owner' | 'system',
  defaultKind: string,
): string | null {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || !value) return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return null;
  }
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
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
    const { items } = await this.catalog
      .getEntitiesByRefs(
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
      )
      .catch(error => {
        // The catalog being down is not the caller's fault nor a bug here:
        // 503, so that clients retry, and nothing is written.
        if (isRefusal(error)) throw error;
        throw new ServiceUnavailableError(
          `The catalog could not be read to check the scope: ${
            isError(error) ? error.message : String(error)
          }`,
        );
      });
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

/** An answer of the catalog about this caller, passed on as it is. */
function isRefusal(error: unknown): boolean {
  if (!isError(error)) return false;
  const status = (error as { statusCode?: number }).statusCode;
  return (
    ['NotAllowedError', 'AuthenticationError'].includes(error.name) ||
    (typeof status === 'number' && status < 500)
  );
}

import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function systemOf(entity: Entity | undefined): string | undefined {
  const system = entity?.spec?.system;
  if (typeof system !== 'string' || !system) return undefined;
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(system, {
          defaultKind: 'system',
          defaultNamespace: entity!.metadata.namespace ?? 'default',
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/**
 * The system of each scope entity, for the timeline's rows. A calendar
 * answer names scope entities only, so their systems come from the
 * catalog; systems in a scope stand for themselves. Without a catalog (or
 * when it fails) only those are known, and the rest go to "No system".
 */
export function useScopeSystems(refs: string[]): {
  systems: Map<string, string>;
  loading: boolean;
} {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const unique = [...new Set(refs.map(lower))].sort();
  const key = unique.join('\n');

  const state = useAsync(async () => {
    const systems = new Map<string, string>();
    const toLookUp: string[] = [];
    for (const ref of unique) {
      if (ref.startsWith('system:')) systems.set(ref, ref);
      else toLookUp.push(ref);
    }
    if (!catalogApi || toLookUp.length === 0) return systems;
    try {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: toLookUp,
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.system'],
      });
      items.forEach((entity, i) => {
        const system = systemOf(entity);
        if (system) systems.set(toLookUp[i], system);
      });
    } catch {
      // Rows are a convenience; without the catalog they fall back to
      // "No system" rather than hiding the releases.
    }
    return systems;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);

  return { systems: state.value ?? new Map(), loading: state.loading };
}

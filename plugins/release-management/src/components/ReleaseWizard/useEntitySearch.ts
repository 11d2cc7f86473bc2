import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import type { EntityOption } from './wizardForm';

/** The kinds a release can hold: the configuration items. */
export const RELEASABLE_KINDS = ['Component', 'Resource', 'API', 'System'];

export function toEntityOption(entity: Entity): EntityOption {
  return {
    ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    title: entity.metadata.title,
  };
}

/**
 * Catalog entities matching what the person typed, at most 20, fetched
 * once they pause typing so that each keystroke is not a catalog query.
 */
export function useEntitySearch(term: string) {
  const catalogApi = useApi(catalogApiRef);
  const [settled, setSettled] = useState(term);
  useDebounce(() => setSettled(term.trim()), 250, [term]);
  return useAsync(async () => {
    const response = await catalogApi.queryEntities({
      filter: { kind: RELEASABLE_KINDS },
      ...(settled
        ? {
            fullTextFilter: {
              term: settled,
              fields: ['metadata.name', 'metadata.title'],
            },
          }
        : {}),
      limit: 20,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.owner',
        'spec.system',
      ],
    });
    return response.items.map(toEntityOption);
  }, [catalogApi, settled]);
}

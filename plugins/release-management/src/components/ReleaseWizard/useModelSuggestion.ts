import { useApi } from '@backstage/core-plugin-api';
import type { ApplicableModel } from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';

/**
 * The model most of the entities call for; on a tie the one of the entity
 * picked first, as that is usually the main one.
 */
export function mostCommonModel(
  applicable: ApplicableModel[],
): string | undefined {
  const counts = new Map<string, number>();
  for (const item of applicable) {
    if (item.model) counts.set(item.model, (counts.get(item.model) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [model, count] of counts) {
    if (best === undefined || count > counts.get(best)!) best = model;
  }
  return best;
}

/** The applicable model of each picked entity, and the one they agree on. */
export function useModelSuggestion(refs: string[]) {
  const api = useApi(releaseManagementApiRef);
  const key = refs.join(' ');
  return useAsync(async () => {
    const applicable = await Promise.all(
      refs.map(ref => api.getApplicableModel(ref)),
    );
    return { applicable, suggested: mostCommonModel(applicable) };
    // `key` stands for `refs`, whose identity changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
}

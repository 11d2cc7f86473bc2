import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseManagementApiRef } from '../api';

const DAY = 86_400_000;

/**
 * The calendar of one entity from now for `days` days, with or without the
 * releases of its direct dependencies and dependents.
 */
export function useEntityCalendar(
  entityRef: string,
  options: { days: number; neighbours: boolean },
) {
  const api = useApi(releaseManagementApiRef);
  const { days, neighbours } = options;
  return useAsyncRetry(async () => {
    const now = Date.now();
    return api.getCalendar({
      entityRef,
      neighbours: neighbours ? 'direct' : 'none',
      from: new Date(now).toISOString(),
      to: new Date(now + days * DAY).toISOString(),
    });
  }, [api, entityRef, days, neighbours]);
}

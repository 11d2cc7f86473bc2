import { useApi } from '@backstage/core-plugin-api';
import type { CalendarQuery } from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';

/**
 * The calendar answer for a query. The previous answer stays while the
 * next one loads, so paging through months does not blank the calendar;
 * an answer that arrives after a newer query was made is dropped.
 */
export function useCalendarData(query: CalendarQuery) {
  const api = useApi(releaseManagementApiRef);
  const key = JSON.stringify(query);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsync(() => api.getCalendar(query), [api, key]);
}

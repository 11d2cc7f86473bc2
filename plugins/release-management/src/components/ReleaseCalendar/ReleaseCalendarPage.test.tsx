import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { releaseManagementApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aCalendar, mockApi } from '../../testUtils';
import { ReleaseCalendarPage } from './ReleaseCalendarPage';

jest.setTimeout(30_000);

describe('ReleaseCalendarPage', () => {
  it('shows every release of the current month, with all filters and views', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue(aCalendar()),
    });
    renderInTestApp(<ReleaseCalendarPage />, {
      apis: [[releaseManagementApiRef, api]],
      mountedRoutes: { '/release-management': rootRouteRef },
    });

    await waitFor(() => expect(api.getCalendar).toHaveBeenCalled());
    const { from, to, ...rest } = api.getCalendar.mock.calls[0][0];
    expect(rest).toEqual({});
    const now = Date.now();
    expect(Date.parse(from)).toBeLessThan(now);
    expect(Date.parse(to)).toBeGreaterThan(now);
    for (const label of ['System', 'Domain', 'Owner', 'Model', 'Status']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    for (const view of ['Month', 'Week', 'Agenda', 'Timeline']) {
      expect(screen.getByRole('button', { name: view })).toBeInTheDocument();
    }
    expect(
      await screen.findByText(/Nothing in this range/),
    ).toBeInTheDocument();
  });
});

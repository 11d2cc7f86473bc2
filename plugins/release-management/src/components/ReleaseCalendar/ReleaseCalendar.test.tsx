import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseManagementApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aCalendar, mockApi } from '../../testUtils';
import {
  aCalendarFreeze,
  aCalendarRelease,
  JANUARY_2030,
} from './__fixtures__';
import { ReleaseCalendar, type ReleaseCalendarProps } from './ReleaseCalendar';

function renderCalendar(
  api: ReturnType<typeof mockApi>,
  props: ReleaseCalendarProps = {},
) {
  return renderInTestApp(
    <ReleaseCalendar defaultDate={JANUARY_2030} {...props} />,
    {
      apis: [[releaseManagementApiRef, api]],
      mountedRoutes: { '/release-management': rootRouteRef },
    },
  );
}

describe('ReleaseCalendar', () => {
  it('shows the releases and freezes of the month', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue(
        aCalendar({
          releases: [aCalendarRelease()],
          freezes: [aCalendarFreeze()],
        }),
      ),
    });
    renderCalendar(api);
    expect(
      await screen.findByRole('button', { name: 'Basket sharing (cart 4.2)' }),
    ).toBeInTheDocument();
  });
});

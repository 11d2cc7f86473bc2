import { DateTime } from 'luxon';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { releaseManagementApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aCalendar, mockApi } from '../../testUtils';
import {
  aCalendarDeployment,
  aCalendarFreeze,
  aCalendarRelease,
  JANUARY_2030,
} from './__fixtures__';
import { ReleaseCalendar, type ReleaseCalendarProps } from './ReleaseCalendar';

// A calendar and its pickers are a lot of DOM for jsdom on a small machine.
jest.setTimeout(30_000);

/** The instant of wall time `wall` in the zone the tests run in. */
const local = (wall: string) => DateTime.fromISO(wall).toUTC().toISO()!;

const Location = () => (
  <div data-testid="location">{useLocation().pathname}</div>
);

const january = aCalendar({
  releases: [
    aCalendarRelease(),
    aCalendarRelease({
      id: 'r2',
      title: 'Pricing rules',
      versionLabel: '3.1',
      status: 'failed',
      model: 'emergency',
      plannedWindow: {
        start: '2030-01-16T08:00:00.000Z',
        end: '2030-01-16T09:00:00.000Z',
        timeZone: 'America/New_York',
      },
      scope: ['component:default/pricing-service', 'system:default/pricing'],
    }),
  ],
  freezes: [aCalendarFreeze()],
});

function renderCalendar(
  api: ReturnType<typeof mockApi>,
  props: ReleaseCalendarProps = {},
  extraApis: any[] = [],
) {
  return renderInTestApp(
    <>
      <ReleaseCalendar defaultDate={JANUARY_2030} {...props} />
      <Location />
    </>,
    {
      apis: [[releaseManagementApiRef, api], ...extraApis],
      mountedRoutes: { '/release-management': rootRouteRef },
    },
  );
}

const lastQuery = (api: ReturnType<typeof mockApi>) =>
  api.getCalendar.mock.calls[api.getCalendar.mock.calls.length - 1][0];

describe('ReleaseCalendar', () => {
  it('shows the month: releases by title and version, freezes, the zone of the plan on hover', async () => {
    const api = mockApi({ getCalendar: jest.fn().mockResolvedValue(january) });
    renderCalendar(api);

    const release = await screen.findByRole(
      'button',
      { name: 'Basket sharing (cart 4.2)' },
      { timeout: 10_000 },
    );
    expect(
      within(release)
        .getByTitle(/Europe\/Oslo/)
        .getAttribute('title'),
    ).toContain('scheduled, model normal');
    expect(
      screen.getByRole('button', { name: 'Hard freeze: Year-end trading' }),
    ).toBeInTheDocument();
    expect(screen.getByText('January 2030')).toBeInTheDocument();

    // The whole month grid, in weeks around January.
    const { from, to } = lastQuery(api);
    expect(Date.parse(from)).toBeLessThanOrEqual(Date.parse('2030-01-01'));
    expect(Date.parse(from)).toBeGreaterThan(Date.parse('2029-12-25'));
    expect(Date.parse(to)).toBeGreaterThanOrEqual(Date.parse('2030-02-01'));
    expect(Date.parse(to)).toBeLessThan(Date.parse('2030-02-08'));
  });

  it('opens a release on click and on Enter', async () => {
    const api = mockApi({ getCalendar: jest.fn().mockResolvedValue(january) });
    renderCalendar(api);
    const user = userEvent.setup();

    await user.click(
      await screen.findByRole('button', { name: 'Basket sharing (cart 4.2)' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/release-management/releases/r1',
    );

    screen.getByRole('button', { name: 'Pricing rules (3.1)' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/release-management/releases/r2',
    );
  });

  it('draws recorded deployments and opens the release that covers one', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue({
        ...january,
        deployments: [aCalendarDeployment({ releaseId: 'r2' })],
      }),
    });
    renderCalendar(api);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', {
        name: 'Deployed cart-service 4.2.0 to production',
      }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/release-management/releases/r2',
    );
  });

  it('draws a release the viewer may not read as a busy block that opens nothing', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue({
        ...january,
        busy: [
          {
            start: local('2030-01-21T09:00:00'),
            end: local('2030-01-21T11:00:00'),
            reason: 'own',
          },
        ],
      }),
    });
    renderCalendar(api);
    const user = userEvent.setup();
    const busy = await screen.findByRole('button', {
      name: 'Busy: restricted release',
    });
    expect(within(busy).getByTitle(/a release you may not see/)).toBeTruthy();
    const before = screen.getByTestId('location').textContent;
    await user.click(busy);
    expect(screen.getByTestId('location').textContent).toBe(before);
    expect(
      within(screen.getByRole('list', { name: 'Legend' })).getByText(
        'restricted release (busy)',
      ),
    ).toBeInTheDocument();
  });

  it('fetches the visible range again when the view or the date changes', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue(aCalendar()),
    });
    renderCalendar(api);
    const user = userEvent.setup();
    await waitFor(() => expect(api.getCalendar).toHaveBeenCalledTimes(1));

    await user.click(screen.getByRole('button', { name: 'Agenda' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        from: local('2030-01-15T00:00:00'),
        to: local('2030-02-15T00:00:00'),
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Timeline' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        from: local('2030-01-01T00:00:00'),
        to: local('2030-02-01T00:00:00'),
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        from: local('2030-02-01T00:00:00'),
        to: local('2030-03-01T00:00:00'),
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Week' }));
    await waitFor(() => {
      const { from, to } = lastQuery(api);
      expect(Date.parse(to) - Date.parse(from)).toBe(7 * 86_400_000);
    });
  });

  it('passes the filters to the API, one of system, domain and owner at a time', async () => {
    const api = mockApi({ getCalendar: jest.fn().mockResolvedValue(january) });
    renderCalendar(api);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Basket sharing (cart 4.2)' });

    await user.type(screen.getByLabelText('System'), 'checkout{Enter}');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ system: 'system:default/checkout' }),
      ),
    );

    await user.type(screen.getByLabelText('Owner'), 'team-a{Enter}');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ owner: 'group:default/team-a' }),
      ),
    );
    expect(lastQuery(api).system).toBeUndefined();
    expect(screen.getByLabelText('System')).toHaveValue('');

    // Models seen on the calendar are offered.
    await user.click(screen.getByLabelText('Model'));
    await user.click(await screen.findByRole('option', { name: 'emergency' }));
    await user.click(screen.getByLabelText('Status'));
    await user.click(await screen.findByRole('option', { name: 'scheduled' }));
    await user.click(screen.getByLabelText('Status'));
    await user.click(await screen.findByRole('option', { name: 'failed' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({
          owner: 'group:default/team-a',
          model: ['emergency'],
          status: ['scheduled', 'failed'],
        }),
      ),
    );
  });

  it('is about one entity when given one, without system, domain and owner filters', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue(aCalendar()),
    });
    renderCalendar(api, {
      query: {
        entityRef: 'component:default/cart-service',
        neighbours: 'none',
      },
    });
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({
          entityRef: 'component:default/cart-service',
          neighbours: 'none',
        }),
      ),
    );
    expect(screen.queryByLabelText('System')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toBeInTheDocument();
  });

  it('lists releases as links in the agenda, freezes and maintenance windows too', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue(
        aCalendar({
          ...january,
          freezes: [
            aCalendarFreeze({
              start: '2030-01-20T00:00:00.000Z',
              end: '2030-01-21T00:00:00.000Z',
            }),
          ],
          maintenanceWindows: [
            {
              model: 'normal',
              title: 'Tuesday nights',
              start: '2030-01-22T22:00:00.000Z',
              end: '2030-01-23T02:00:00.000Z',
              timeZone: 'UTC',
            },
          ],
        }),
      ),
    });
    renderCalendar(api, { defaultView: 'agenda' });
    expect(
      await screen.findByRole('link', { name: 'Pricing rules (3.1)' }),
    ).toHaveAttribute('href', '/release-management/releases/r2');
    expect(
      screen.getAllByText('Maintenance window: Tuesday nights').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('Hard freeze: Year-end trading').length,
    ).toBeGreaterThan(0);
  });

  it('draws a timeline with a row per system from the catalog', async () => {
    const api = mockApi({ getCalendar: jest.fn().mockResolvedValue(january) });
    const getEntitiesByRefs = jest.fn().mockResolvedValue({
      items: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'cart-service', namespace: 'default' },
          spec: { system: 'checkout' },
        },
        undefined,
      ],
    });
    renderCalendar(api, { defaultView: 'timeline' }, [
      [catalogApiRef, { getEntitiesByRefs }],
    ]);
    const user = userEvent.setup();

    const checkout = await screen.findByRole('group', {
      name: 'checkout',
    });
    const pricing = screen.getByRole('group', {
      name: 'pricing',
    });
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: [
          'component:default/cart-service',
          'component:default/pricing-service',
        ],
      }),
    );
    expect(screen.getByText('Freezes')).toBeInTheDocument();
    await user.click(
      within(pricing).getByRole('button', {
        name: 'Pricing rules (3.1), failed',
      }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/release-management/releases/r2',
    );
    expect(
      within(checkout).getByRole('button', {
        name: 'Basket sharing (cart 4.2), scheduled',
      }),
    ).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    const api = mockApi({ getCalendar: () => new Promise(() => {}) });
    renderCalendar(api);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says when nothing is in the range', async () => {
    const api = mockApi({
      getCalendar: jest.fn().mockResolvedValue(aCalendar()),
    });
    renderCalendar(api);
    expect(
      await screen.findByText(/Nothing in this range/),
    ).toBeInTheDocument();
  });

  it('says when more releases matched than it shows', async () => {
    const api = mockApi({
      getCalendar: jest
        .fn()
        .mockResolvedValue(aCalendar({ ...january, truncated: true })),
    });
    renderCalendar(api);
    expect(
      await screen.findByText(/More releases matched than one calendar shows/),
    ).toBeInTheDocument();
  });

  it('shows why the calendar could not be loaded, and still navigates', async () => {
    const api = mockApi({
      getCalendar: jest
        .fn()
        .mockRejectedValue(new Error('snapshot unavailable')),
    });
    renderCalendar(api);
    expect(
      await screen.findByText('Error: snapshot unavailable'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });
});

import { alertApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { releaseManagementApiRef, type ReleaseManagementApi } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockApi } from '../../testUtils';
import { aResponseError } from '../ReleaseWizard/testData';
import { FreezeWindowsPage } from './FreezeWindowsPage';
import { aFreezeWindow } from './testData';

function renderPage(
  implementations: Partial<ReleaseManagementApi>,
  path = '/release-management/freeze-windows',
) {
  const api = mockApi(implementations);
  const alertApi = mockApis.alert();
  renderInTestApp(<FreezeWindowsPage />, {
    apis: [
      [releaseManagementApiRef, api],
      [alertApiRef, alertApi],
    ],
    mountPath: '/release-management/freeze-windows',
    mountedRoutes: { '/release-management': rootRouteRef },
    initialRouteEntries: [path],
  });
  return { api, alertApi };
}

const change = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('FreezeWindowsPage list', () => {
  it('lists freeze windows with severity, scope, the rule in words and the next occurrence', async () => {
    renderPage({
      listFreezeWindows: async () => [
        aFreezeWindow(),
        aFreezeWindow({
          id: 'f2',
          title: 'Christmas trading freeze',
          severity: 'soft',
          start: '2030-12-20T15:00:00.000Z',
          end: '2030-12-27T07:00:00.000Z',
          rrule: undefined,
          scope: { type: 'all' },
        }),
      ],
    });
    const link = await screen.findByRole('link', { name: 'Weekend freeze' });
    expect(link).toHaveAttribute(
      'href',
      '/release-management/freeze-windows/f1',
    );
    expect(
      screen.getByText('every Friday 16:00–Monday 08:00 Europe/Berlin'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('systems: system:default/checkout'),
    ).toBeInTheDocument();
    expect(screen.getByText('everything')).toBeInTheDocument();
    expect(screen.getByText('soft')).toBeInTheDocument();
    // The next occurrence in the viewer's zone, in the window's zone on hover.
    expect(
      screen.getByTitle(
        'Fri, Dec 20, 2030, 16:00 – Fri, Dec 27, 2030, 08:00 Europe/Berlin',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New freeze window' }),
    ).toHaveAttribute('href', '/release-management/freeze-windows/new');
  });

  it('says when there are none', async () => {
    renderPage({ listFreezeWindows: async () => [] });
    expect(await screen.findByText('No freeze windows')).toBeInTheDocument();
  });

  it('shows why they could not be loaded', async () => {
    renderPage({
      listFreezeWindows: async () => {
        throw new Error('database down');
      },
    });
    expect(await screen.findByText('Error: database down')).toBeInTheDocument();
  });
});

// Filling a whole form in a shared test run can take a few seconds.
jest.setTimeout(20_000);

describe('FreezeWindowsPage editor', () => {
  it('builds a weekly rule, shows it in words with the next occurrences across DST, and creates it', async () => {
    const { api, alertApi } = renderPage(
      {
        createFreezeWindow: jest.fn().mockResolvedValue(aFreezeWindow()),
        listFreezeWindows: async () => [aFreezeWindow()],
      },
      '/release-management/freeze-windows/new',
    );
    await screen.findByText('New freeze window');
    change('Title', 'Weekend freeze');
    change('Severity', 'soft');
    change('Time zone', 'Europe/Berlin');
    change('Start', '2031-03-21T16:00');
    change('End', '2031-03-24T08:00');
    change('Repeats', 'weekly');
    fireEvent.click(screen.getByRole('button', { name: 'Friday' }));
    change('Scope', 'systems');
    change('Systems', 'system:default/checkout');

    expect(screen.getByLabelText('Rule in words')).toHaveTextContent(
      'every Friday 16:00–Monday 08:00 Europe/Berlin',
    );
    const next = within(
      screen.getByRole('list', { name: 'Next occurrences' }),
    ).getAllByRole('listitem');
    // Clocks go forward on 30 March 2031; the freeze keeps its wall times.
    expect(next.map(item => item.textContent)).toEqual([
      'Fri, Mar 21, 2031, 16:00 – Mon, Mar 24, 2031, 08:00 Europe/Berlin',
      'Fri, Mar 28, 2031, 16:00 – Mon, Mar 31, 2031, 08:00 Europe/Berlin',
      'Fri, Apr 4, 2031, 16:00 – Mon, Apr 7, 2031, 08:00 Europe/Berlin',
      'Fri, Apr 11, 2031, 16:00 – Mon, Apr 14, 2031, 08:00 Europe/Berlin',
      'Fri, Apr 18, 2031, 16:00 – Mon, Apr 21, 2031, 08:00 Europe/Berlin',
    ]);

    fireEvent.click(
      screen.getByRole('button', { name: 'Create freeze window' }),
    );
    await screen.findByRole('link', { name: 'Weekend freeze' });
    expect(api.createFreezeWindow).toHaveBeenCalledWith({
      title: 'Weekend freeze',
      reason: '',
      severity: 'soft',
      start: '2031-03-21T15:00:00.000Z',
      end: '2031-03-24T07:00:00.000Z',
      timeZone: 'Europe/Berlin',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      scope: { type: 'systems', refs: ['system:default/checkout'] },
    });
    expect(alertApi.getAlerts()[0].message).toBe(
      'Freeze window "Weekend freeze" created',
    );
  });

  it('lists what is wrong before sending anything', async () => {
    const { api } = renderPage({}, '/release-management/freeze-windows/new');
    await screen.findByText('New freeze window');
    change('Scope', 'entities');
    change('Entities', 'not a ref');
    fireEvent.click(
      screen.getByRole('button', { name: 'Create freeze window' }),
    );
    const problems = await screen.findByRole('list', { name: 'Problems' });
    expect(problems).toHaveTextContent('title:');
    expect(problems).toHaveTextContent(
      'scope.refs.0: "not a ref" is not an entity ref',
    );
    expect(api.createFreezeWindow).not.toHaveBeenCalled();
  });

  it('updates a stored window with its revision and explains a conflict', async () => {
    const { api } = renderPage(
      {
        getFreezeWindow: jest.fn().mockResolvedValue(aFreezeWindow()),
        updateFreezeWindow: jest
          .fn()
          .mockRejectedValue(
            await aResponseError(
              409,
              'freeze window f1 is at revision 5, not 4',
            ),
          ),
      },
      '/release-management/freeze-windows/f1',
    );
    expect(await screen.findByLabelText('Title')).toHaveValue('Weekend freeze');
    expect(screen.getByLabelText('Start')).toHaveValue('2031-03-21T16:00');
    expect(screen.getByRole('button', { name: 'Friday' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    change('Title', 'Weekend freeze (all systems)');
    change('Scope', 'all');
    fireEvent.click(screen.getByRole('button', { name: 'Save freeze window' }));
    expect(
      await screen.findByText(
        /freeze window f1 is at revision 5, not 4 — someone else changed it/,
      ),
    ).toBeInTheDocument();
    expect(api.updateFreezeWindow).toHaveBeenCalledWith('f1', 4, {
      title: 'Weekend freeze (all systems)',
      reason: 'Nobody on call at weekends',
      severity: 'hard',
      start: '2031-03-21T15:00:00.000Z',
      end: '2031-03-24T07:00:00.000Z',
      timeZone: 'Europe/Berlin',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      scope: { type: 'all' },
    });
  });

  it('deletes a window after asking', async () => {
    const { api } = renderPage(
      {
        getFreezeWindow: jest.fn().mockResolvedValue(aFreezeWindow()),
        deleteFreezeWindow: jest.fn().mockResolvedValue(undefined),
        listFreezeWindows: async () => [],
      },
      '/release-management/freeze-windows/f1',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(
      screen.getByText('Delete freeze window "Weekend freeze"?'),
    ).toBeInTheDocument();
    expect(api.deleteFreezeWindow).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('button', { name: 'Delete freeze window' }),
    );
    await waitFor(() =>
      expect(api.deleteFreezeWindow).toHaveBeenCalledWith('f1'),
    );
    expect(await screen.findByText('No freeze windows')).toBeInTheDocument();
  });
});

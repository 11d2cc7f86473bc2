import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { releaseManagementApiRef, type ReleaseManagementApi } from '../../api';
import { rootRouteRef } from '../../routes';
import { aCalendar, mockApi } from '../../testUtils';
import { EntityReleaseCalendarCard } from './EntityReleaseCalendarCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', title: 'Cart Service' },
  spec: { type: 'service', owner: 'team-checkout' },
};

function renderCard(getCalendar: ReleaseManagementApi['getCalendar']) {
  const api = mockApi({ getCalendar });
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityReleaseCalendarCard />
    </EntityProvider>,
    {
      apis: [[releaseManagementApiRef, api]],
      mountedRoutes: { '/release-management': rootRouteRef },
    },
  );
  return api;
}

describe('EntityReleaseCalendarCard', () => {
  it('lists the releases and freezes of the next 30 days, with neighbours', async () => {
    const api = renderCard(async () =>
      aCalendar({
        releases: [
          {
            id: 'r2',
            title: 'Pricing rules',
            versionLabel: '3.1',
            status: 'planned',
            model: 'normal',
            releaseManager: 'user:default/rm',
            plannedWindow: {
              start: '2030-01-09T08:00:00.000Z',
              end: '2030-01-09T10:00:00.000Z',
              timeZone: 'UTC',
            },
            scope: ['component:default/pricing-service'],
            reason: 'dependency',
            via: 'component:default/pricing-service',
          },
          {
            id: 'r1',
            title: 'Basket sharing',
            versionLabel: 'cart 4.2',
            status: 'scheduled',
            model: 'normal',
            releaseManager: 'user:default/rm',
            plannedWindow: {
              start: '2030-01-07T08:00:00.000Z',
              end: '2030-01-07T10:00:00.000Z',
              timeZone: 'UTC',
            },
            scope: ['component:default/cart-service'],
            reason: 'own',
            via: 'component:default/cart-service',
          },
        ],
        freezes: [
          {
            freezeWindowId: 'f1',
            title: 'Christmas trading freeze',
            severity: 'hard',
            start: '2030-01-08T00:00:00.000Z',
            end: '2030-01-08T23:00:00.000Z',
            timeZone: 'Europe/Oslo',
            scope: { type: 'domains', refs: ['domain:default/commerce'] },
            reason: 'inherited',
            explanation: 'is inherited from domain:default/commerce',
          },
        ],
      }),
    );

    await waitFor(() =>
      expect(screen.getByText('Basket sharing (cart 4.2)')).toBeInTheDocument(),
    );
    const items = screen.getAllByRole('listitem').map(li => li.textContent);
    expect(items[0]).toContain('Basket sharing (cart 4.2)');
    expect(items[1]).toContain('Christmas trading freeze');
    expect(items[1]).toContain('hard freeze');
    expect(items[1]).toContain('is inherited from domain:default/commerce');
    expect(items[2]).toContain('dependency: component:default/pricing-service');
    // Releases link to their page; the freeze is not a release.
    expect(
      screen.getByRole('link', { name: 'Basket sharing (cart 4.2)' }),
    ).toHaveAttribute('href', '/release-management/releases/r1');
    expect(
      screen.queryByRole('link', { name: 'Christmas trading freeze' }),
    ).not.toBeInTheDocument();
    // The window in the zone it was planned in, on hover.
    expect(screen.getByTitle(/Europe\/Oslo$/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Plan a release of Cart Service' }),
    ).toHaveAttribute(
      'href',
      '/release-management/releases/new?entityRef=component%3Adefault%2Fcart-service',
    );
    expect(api.getCalendar).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/cart-service',
        neighbours: 'direct',
      }),
    );
  });

  it('asks for the entity alone when neighbours are switched off', async () => {
    const api = renderCard(async () => aCalendar());
    await waitFor(() =>
      expect(
        screen.getByText(
          /No releases of Cart Service or of what it depends on/,
        ),
      ).toBeInTheDocument(),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Neighbours' }));
    await waitFor(() =>
      expect(api.getCalendar).toHaveBeenLastCalledWith(
        expect.objectContaining({ neighbours: 'none' }),
      ),
    );
    await waitFor(() =>
      expect(
        screen.getByText(
          'No releases of Cart Service are planned in the next 30 days, and no freeze covers it.',
        ),
      ).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'Open release management' }),
    ).toHaveAttribute('href', '/release-management');
  });

  it('shows why the calendar could not be loaded', async () => {
    renderCard(async () => {
      throw new Error('catalog snapshot unavailable');
    });
    await waitFor(() =>
      expect(
        screen.getByText('Error: catalog snapshot unavailable'),
      ).toBeInTheDocument(),
    );
  });
});

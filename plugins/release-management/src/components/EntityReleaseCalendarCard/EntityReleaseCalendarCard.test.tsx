import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { EntityReleaseCalendarCard } from './EntityReleaseCalendarCard';

describe('EntityReleaseCalendarCard', () => {
  it('shows the empty calendar of the entity with a way to release management', async () => {
    await renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'cart-service', title: 'Cart Service' },
          spec: { type: 'service', owner: 'team-checkout' },
        }}
      >
        <EntityReleaseCalendarCard />
      </EntityProvider>,
      { mountedRoutes: { '/release-management': rootRouteRef } },
    );

    expect(screen.getByText('Release calendar')).toBeInTheDocument();
    expect(
      screen.getByText(/No releases of Cart Service or of what it depends on/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open release management' }),
    ).toHaveAttribute('href', '/release-management');
  });
});

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { ExplorerResponse } from '@release-management/plugin-release-management-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseManagementApiRef } from '../../api';
import { aCalendar, mockApi } from '../../testUtils';
import { ArchitectureExplorer } from './ArchitectureExplorer';

const catalogApi = catalogApiMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'checkout', title: 'Checkout' },
      spec: { owner: 'team-checkout' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: 'commerce', title: 'Commerce' },
      spec: { owner: 'team-checkout' },
    },
  ],
});

const explorer: ExplorerResponse = {
  root: 'system:default/checkout',
  entities: [
    {
      entityRef: 'component:default/cart-service',
      kind: 'Component',
      title: 'Cart',
      owner: 'group:default/team-checkout',
      model: 'normal',
    },
    {
      entityRef: 'component:default/pricing-service',
      kind: 'Component',
      model: null,
    },
  ],
  edges: [
    {
      from: 'component:default/cart-service',
      to: 'component:default/pricing-service',
      relation: 'dependsOn',
    },
    {
      from: 'component:default/pricing-service',
      to: 'component:default/cart-service',
      relation: 'dependsOn',
    },
  ],
  cycles: [
    ['component:default/cart-service', 'component:default/pricing-service'],
  ],
  hubs: [{ entityRef: 'component:default/pricing-service', dependents: 14 }],
  withoutOwner: ['component:default/pricing-service'],
  withoutModel: ['component:default/pricing-service'],
  snapshot: aCalendar().snapshot,
};

function render(
  getExplorer = jest.fn().mockResolvedValue(explorer),
  route = '/',
) {
  const api = mockApi({ getExplorer });
  renderInTestApp(<ArchitectureExplorer />, {
    apis: [
      [releaseManagementApiRef, api],
      [catalogApiRef, catalogApi],
    ],
    initialRouteEntries: [route],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return api;
}

describe('ArchitectureExplorer', () => {
  it('asks for a root before it analyses anything', async () => {
    const api = render();
    expect(
      await screen.findByText('Pick a system or domain'),
    ).toBeInTheDocument();
    expect(api.getExplorer).not.toHaveBeenCalled();
  });

  it('explores the system picked from the catalog and shows its findings', async () => {
    const api = render();
    const input = screen.getByLabelText('System or domain');
    await userEvent.type(input, 'Check');
    await screen.findByText('Checkout (system:default/checkout)');
    await userEvent.keyboard('{ArrowDown}{Enter}');

    await waitFor(() =>
      expect(api.getExplorer).toHaveBeenCalledWith({
        system: 'system:default/checkout',
      }),
    );
    await waitFor(() =>
      expect(
        screen.getByText('Relations in system:default/checkout'),
      ).toBeInTheDocument(),
    );
    expect(screen.getByText('Must ship together')).toBeInTheDocument();
    expect(
      screen.getByText(
        'component:default/cart-service → component:default/pricing-service',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('14 dependents')).toBeInTheDocument();
    expect(screen.getByText('Without release model')).toBeInTheDocument();
  });

  it('explores a domain named in the URL', async () => {
    const api = render(
      jest
        .fn()
        .mockResolvedValue({ ...explorer, root: 'domain:default/commerce' }),
      '/?root=domain:default/commerce',
    );
    await waitFor(() =>
      expect(api.getExplorer).toHaveBeenCalledWith({
        domain: 'domain:default/commerce',
      }),
    );
    await waitFor(() =>
      expect(
        screen.getByText('Relations in domain:default/commerce'),
      ).toBeInTheDocument(),
    );
  });

  it('shows the error of a failed analysis', async () => {
    render(
      jest.fn().mockRejectedValue(new Error('catalog snapshot unavailable')),
      '/?root=system:default/checkout',
    );
    expect(
      await screen.findByText('Error: catalog snapshot unavailable'),
    ).toBeInTheDocument();
  });
});

import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import releaseManagementPlugin from './alpha';
import { releaseManagementApiRef, type ReleaseManagementApi } from './api';
import { aRelease, mockApi } from './testUtils';

function renderAt(path: string, api: jest.Mocked<ReleaseManagementApi>) {
  renderTestApp({
    features: [releaseManagementPlugin],
    apis: [[releaseManagementApiRef, api]],
    initialRouteEntries: [path],
    // EntityRefLinks point at the catalog, which this test does not install.
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('release-management plugin (new frontend system)', () => {
  it('lists the releases on the releases tab, linking to each', async () => {
    const api = mockApi({
      listReleases: jest.fn().mockResolvedValue({
        items: [aRelease({ id: 'r1' })],
        totalCount: 1,
        limit: 20,
        offset: 0,
      }),
      listModels: jest.fn().mockResolvedValue([]),
    });
    renderAt('/release-management/releases', api);

    const link = await screen.findByRole(
      'link',
      { name: 'Basket sharing (cart 4.2)' },
      { timeout: 5000 },
    );
    expect(link).toHaveAttribute('href', '/release-management/releases/r1');
    for (const tab of [
      'Calendar',
      'Releases',
      'Models',
      'Freeze windows',
      'Architecture',
      'Metrics',
    ]) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
    // The app draws the page header; the page does not add a second one.
    expect(
      screen.queryByText(
        'Plan, coordinate and review releases across the catalog',
      ),
    ).not.toBeInTheDocument();
  });

  it('shows the error when the backend cannot be reached', async () => {
    renderAt(
      '/release-management/releases',
      mockApi({
        listReleases: jest.fn().mockRejectedValue(new Error('backend is down')),
        listModels: jest.fn().mockResolvedValue([]),
      }),
    );
    // The page and the table load lazily; give them time on a busy machine.
    expect(
      await screen.findByText('Error: backend is down', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('provides the API, the page, the entity card and the entity tab', () => {
    for (const id of [
      'api:release-management',
      'page:release-management',
      'entity-card:release-management/release-calendar',
      'entity-content:release-management/releases',
    ]) {
      expect(releaseManagementPlugin.getExtension(id as any)).toBeDefined();
    }
  });
});

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { releaseManagementApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease, mockApi } from '../../testUtils';
import { ReleaseManagementPage } from './ReleaseManagementPage';

describe('ReleaseManagementPage (legacy frontend system)', () => {
  it('draws its own header and tabs, and routes to the releases list', async () => {
    const api = mockApi({
      listReleases: jest.fn().mockResolvedValue({
        items: [aRelease({ title: 'Search synonyms', versionLabel: '2.9' })],
        totalCount: 1,
        limit: 500,
        offset: 0,
      }),
      listModels: jest.fn().mockResolvedValue([]),
    });
    renderInTestApp(<ReleaseManagementPage />, {
      apis: [[releaseManagementApiRef, api]],
      initialRouteEntries: ['/releases'],
      mountedRoutes: {
        '/': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    });

    expect(
      screen.getByText(
        'Plan, coordinate and review releases across the catalog',
      ),
    ).toBeInTheDocument();
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
    await waitFor(() =>
      expect(screen.getByText('Search synonyms (2.9)')).toBeInTheDocument(),
    );
  });
});

import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import releaseManagementPlugin from './alpha';
import { releaseManagementApiRef, type ReleaseManagementApi } from './api';
import { aRelease, mockApi } from './testUtils';

function apiWith(
  listReleases: ReleaseManagementApi['listReleases'],
): jest.Mocked<ReleaseManagementApi> {
  return mockApi({ listReleases });
}

describe('release-management plugin (new frontend system)', () => {
  it('lists the releases on the releases tab', async () => {
    const api = apiWith(async () => ({
      items: [aRelease()],
      totalCount: 1,
      limit: 500,
      offset: 0,
    }));

    renderTestApp({
      features: [releaseManagementPlugin],
      apis: [[releaseManagementApiRef, api]],
      initialRouteEntries: ['/release-management/releases'],
    });

    await waitFor(() =>
      expect(screen.getByText('Basket sharing (cart 4.2)')).toBeInTheDocument(),
    );
    expect(screen.getByText('Releases (1)')).toBeInTheDocument();
    expect(
      screen.getByText('component:default/cart-service@4.2.0'),
    ).toBeInTheDocument();
    expect(api.listReleases).toHaveBeenCalledWith({ limit: 500 });
    // The app draws the page header; the page does not add a second one.
    expect(
      screen.queryByText(
        'Plan, coordinate and review releases across the catalog',
      ),
    ).not.toBeInTheDocument();
  });

  it('explains the page when there are no releases', async () => {
    renderTestApp({
      features: [releaseManagementPlugin],
      apis: [
        [
          releaseManagementApiRef,
          apiWith(async () => ({
            items: [],
            totalCount: 0,
            limit: 500,
            offset: 0,
          })),
        ],
      ],
      initialRouteEntries: ['/release-management/releases'],
    });

    await waitFor(() =>
      expect(screen.getByText('No releases planned yet')).toBeInTheDocument(),
    );
  });

  it('shows the error when the backend cannot be reached', async () => {
    renderTestApp({
      features: [releaseManagementPlugin],
      apis: [
        [
          releaseManagementApiRef,
          apiWith(async () => {
            throw new Error('backend is down');
          }),
        ],
      ],
      initialRouteEntries: ['/release-management/releases'],
    });

    await waitFor(() =>
      expect(screen.getByText('Error: backend is down')).toBeInTheDocument(),
    );
  });
});

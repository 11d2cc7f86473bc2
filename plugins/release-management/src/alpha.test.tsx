import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import releaseManagementPlugin from './alpha';
import { releaseManagementApiRef, type ReleaseManagementApi } from './api';

describe('release-management plugin (new frontend system)', () => {
  it('serves the release management page at /release-management', async () => {
    const api: jest.Mocked<ReleaseManagementApi> = {
      getHealth: jest.fn().mockResolvedValue({ status: 'ok' }),
    };

    renderTestApp({
      features: [releaseManagementPlugin],
      apis: [[releaseManagementApiRef, api]],
      initialRouteEntries: ['/release-management'],
    });

    await waitFor(() =>
      expect(screen.getByText('No releases planned yet')).toBeInTheDocument(),
    );
    expect(api.getHealth).toHaveBeenCalledTimes(1);
  });

  it('shows the error when the backend cannot be reached', async () => {
    const api: jest.Mocked<ReleaseManagementApi> = {
      getHealth: jest.fn().mockRejectedValue(new Error('backend is down')),
    };

    renderTestApp({
      features: [releaseManagementPlugin],
      apis: [[releaseManagementApiRef, api]],
      initialRouteEntries: ['/release-management'],
    });

    await waitFor(() =>
      expect(screen.getByText('Error: backend is down')).toBeInTheDocument(),
    );
  });
});

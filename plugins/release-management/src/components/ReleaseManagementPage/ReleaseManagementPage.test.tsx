import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { releaseManagementApiRef, type ReleaseManagementApi } from '../../api';
import { aRelease } from '../../testUtils';
import { ReleaseManagementPage } from './ReleaseManagementPage';

describe('ReleaseManagementPage (legacy frontend system)', () => {
  it('draws its own header and lists the releases', async () => {
    const api: jest.Mocked<ReleaseManagementApi> = {
      getHealth: jest.fn(),
      getCalendar: jest.fn(),
      listReleases: jest.fn().mockResolvedValue({
        items: [aRelease({ title: 'Search synonyms', versionLabel: '2.9' })],
        totalCount: 1,
        limit: 500,
        offset: 0,
      }),
    };
    renderInTestApp(<ReleaseManagementPage />, {
      apis: [[releaseManagementApiRef, api]],
    });

    expect(
      screen.getByText(
        'Plan, coordinate and review releases across the catalog',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('Search synonyms (2.9)')).toBeInTheDocument(),
    );
  });
});

import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import { detailApi, renderDetailPage } from './__testUtils__/renderDetailPage';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

const rolling = aRelease({
  status: 'in-progress',
  revision: 12,
  phases: [
    {
      ring: 'canary',
      audiencePercent: 5,
      status: 'completed',
      actualStart: '2030-01-07T08:00:00.000Z',
      actualEnd: '2030-01-07T09:00:00.000Z',
    },
    { ring: 'everyone', audiencePercent: 100, status: 'pending' },
  ],
});

describe('ReleaseDetailPage phases and deployments', () => {
  it('moves a ring on the revision shown and charts the exposure', async () => {
    const api = detailApi({
      getRelease: jest.fn().mockResolvedValue(rolling),
      updatePhase: jest.fn().mockResolvedValue(rolling),
      getExposure: async () => ({
        releaseId: 'r1',
        currentPercent: 5,
        points: [
          {
            at: '2030-01-07T08:00:00.000Z',
            audiencePercent: 5,
            ring: 'canary',
            status: 'in-progress',
          },
        ],
      }),
    });
    renderDetailPage(api);

    expect(
      await screen.findByText('Exposure now: 5% of users'),
    ).toBeInTheDocument();
    // A completed ring is final: it offers no move.
    expect(
      screen.queryByRole('button', { name: /ring canary/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Start ring everyone' }),
    );
    await waitFor(() =>
      expect(api.updatePhase).toHaveBeenCalledWith('r1', 'everyone', {
        status: 'in-progress',
        revision: 12,
      }),
    );
    // The release is read again so the page shows what the backend holds.
    expect(api.getRelease).toHaveBeenCalledTimes(2);
  });

  it('offers no ring moves before the release runs', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () => ({ ...rolling, status: 'scheduled' }),
      }),
    );
    expect(
      await screen.findByText(/Rings move while the release is in progress/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start ring everyone' }),
    ).not.toBeInTheDocument();
  });

  it('lists the deployments pipelines recorded, linking to their runs', async () => {
    renderDetailPage(
      detailApi({
        getReleaseDeployments: async () => ({
          items: [
            {
              id: 'd1',
              externalId: 'gh-run-42',
              entityRef: 'component:default/cart-service',
              environment: 'production',
              production: true,
              version: '4.2.0',
              status: 'succeeded',
              startedAt: '2030-01-07T08:10:00.000Z',
              finishedAt: '2030-01-07T08:20:00.000Z',
              pipelineUrl: 'https://ci.example.com/runs/42',
              releaseId: 'r1',
              recordedBy: 'external:pipeline',
              revision: 2,
              createdAt: '2030-01-07T08:10:00.000Z',
              updatedAt: '2030-01-07T08:20:00.000Z',
            },
          ],
          totalCount: 1,
          limit: 50,
          offset: 0,
        }),
      }),
    );
    expect(
      await screen.findByText('1 recorded by pipelines'),
    ).toBeInTheDocument();
    const row = screen.getByText('succeeded').closest('tr')!;
    expect(within(row).getByText('4.2.0')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: /run gh-run-42/ }),
    ).toHaveAttribute('href', 'https://ci.example.com/runs/42');
  });

  it('says when no deployment was recorded', async () => {
    renderDetailPage(detailApi());
    expect(
      await screen.findByText(
        'No pipeline has recorded a deployment for this release yet.',
      ),
    ).toBeInTheDocument();
  });

  it('shows why the deployments cannot be read', async () => {
    renderDetailPage(
      detailApi({
        getReleaseDeployments: async () => {
          throw new Error('permission denied');
        },
      }),
    );
    expect(
      await screen.findByText(
        'The deployments could not be loaded: permission denied',
      ),
    ).toBeInTheDocument();
  });
});

import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import { aResponseError } from './testData';
import { detailApi, renderDetailPage } from './__testUtils__/renderDetailPage';

// The whole page renders; give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

describe('ReleaseDetailPage', () => {
  it('shows progress while the release loads', async () => {
    const api = detailApi({ getRelease: () => new Promise(() => {}) });
    renderDetailPage(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.getRelease).toHaveBeenCalledWith('r1');
  });

  it('says so when there is no such release', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () => {
          throw await aResponseError(
            404,
            'NotFoundError',
            'No release with id "r9"',
          );
        },
      }),
      'r9',
    );
    expect(await screen.findByText('Release not found')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'All releases' }),
    ).toHaveAttribute('href', '/release-management/releases');
  });

  it('shows why the release could not be loaded', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      await screen.findByText('Error: backend unavailable'),
    ).toBeInTheDocument();
  });

  it('shows the header, the stages and every section', async () => {
    renderDetailPage(detailApi());
    expect(
      await screen.findByRole('heading', { name: 'Basket sharing' }),
    ).toBeInTheDocument();
    expect(screen.getByText('cart 4.2')).toBeInTheDocument();
    expect(screen.getByText('scheduled')).toBeInTheDocument();
    expect(screen.queryByText('restricted')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'normal (revision 1)' }),
    ).toHaveAttribute('href', '/release-management/models/normal');
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/release-management/releases/r1/edit',
    );
    // The window in the viewer's zone, in the zone it was planned in on hover.
    expect(screen.getByTitle(/ Europe\/Oslo$/)).toBeInTheDocument();

    for (const heading of [
      'Stages',
      'Checklist',
      'Approvals',
      'Scope',
      'Conflicts',
      'Impact',
      'Release order',
      'Verification',
      'Phases',
      'Review',
      'History',
    ]) {
      expect(
        await screen.findByRole('heading', { name: heading, level: 3 }),
      ).toBeInTheDocument();
    }
    // Scheduled goes on to in-progress, back to planned, or is cancelled.
    for (const to of ['in-progress', 'planned', 'cancelled']) {
      expect(
        screen.getByRole('button', { name: `Move to ${to}` }),
      ).toBeEnabled();
    }
    expect(
      screen.getByRole('button', { name: 'Move to planned' }),
    ).toBeInTheDocument();
  });

  it('marks a restricted release, and only that', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () => aRelease({ visibility: 'restricted' }),
      }),
    );
    expect(await screen.findByText('restricted')).toHaveAttribute(
      'class',
      expect.stringContaining('MuiChip-label'),
    );
  });

  it('reloads and says so when someone changed the release meanwhile', async () => {
    const api = detailApi({
      getRelease: jest
        .fn()
        .mockResolvedValueOnce(aRelease({ revision: 7 }))
        .mockResolvedValue(aRelease({ revision: 8, status: 'in-progress' })),
      transitionRelease: async () => {
        throw await aResponseError(
          409,
          'ConflictError',
          'Release r1 is at revision 8, not 7; reload it and apply your change again',
        );
      },
    });
    const { alertApi } = renderDetailPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move to in-progress' }),
    );

    expect(api.transitionRelease).toHaveBeenCalledWith('r1', {
      to: 'in-progress',
      revision: 7,
    });
    await waitFor(() => expect(api.getRelease).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText(
        'Someone changed this release meanwhile — reloaded',
      ),
    ).toBeInTheDocument();
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({
        message: 'Someone changed this release meanwhile — reloaded',
        severity: 'error',
      }),
    );
    // The reloaded release is shown, with the moves from its new status.
    expect(
      await screen.findByRole('button', { name: 'Move to deployed' }),
    ).toBeInTheDocument();
  });
});

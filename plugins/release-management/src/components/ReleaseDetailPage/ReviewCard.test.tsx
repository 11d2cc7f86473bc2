import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import { detailApi, renderDetailPage } from './__testUtils__/renderDetailPage';
import { aResponseError } from './testData';

// The whole page renders; give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

const deployed = aRelease({ status: 'deployed', currentStage: 'review' });

async function fillReview() {
  await userEvent.click(screen.getByRole('button', { name: /Outcome/ }));
  await userEvent.click(
    await screen.findByRole('option', { name: 'partially-successful' }),
  );
  const count = screen.getByRole('spinbutton', { name: 'Incidents' });
  await userEvent.clear(count);
  await userEvent.type(count, '1');
  await userEvent.type(
    screen.getByRole('textbox', { name: 'Incident links' }),
    'https://incidents.example.com/INC-42',
  );
  await userEvent.type(
    screen.getByRole('textbox', { name: 'Lessons' }),
    'Warm the caches first',
  );
}

describe('ReviewCard', () => {
  it('records the post-implementation review on the current revision', async () => {
    const api = detailApi({
      getRelease: jest
        .fn()
        .mockResolvedValueOnce(deployed)
        .mockResolvedValue({
          ...deployed,
          revision: 8,
          review: {
            outcome: 'partially-successful',
            incidentCount: 1,
            incidentLinks: ['https://incidents.example.com/INC-42'],
            lessons: 'Warm the caches first',
          },
        }),
      updateRelease: async () => deployed,
    });
    const { alertApi } = renderDetailPage(api);
    await screen.findByRole('form', { name: 'Post-implementation review' });
    await fillReview();
    await userEvent.click(
      screen.getByRole('button', { name: 'Record review' }),
    );

    expect(api.updateRelease).toHaveBeenCalledWith('r1', {
      revision: 7,
      review: {
        outcome: 'partially-successful',
        incidentCount: 1,
        incidentLinks: ['https://incidents.example.com/INC-42'],
        lessons: 'Warm the caches first',
      },
    });
    // Once recorded, the review is shown read-only.
    expect(
      await screen.findByRole('link', {
        name: /https:\/\/incidents.example.com\/INC-42/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Post-implementation review' }),
    ).not.toBeInTheDocument();
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({ message: 'Review recorded' }),
    );
  });

  it('points out a malformed incident link before sending', async () => {
    const api = detailApi({ getRelease: async () => deployed });
    renderDetailPage(api);
    await screen.findByRole('form', { name: 'Post-implementation review' });
    await userEvent.click(screen.getByRole('button', { name: /Outcome/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'successful' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Incident links' }),
      'INC-42',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Record review' }),
    );
    expect(await screen.findByText(/incidentLinks 0/)).toBeInTheDocument();
    expect(api.updateRelease).not.toHaveBeenCalled();
  });

  it('shows a validation refusal from the backend', async () => {
    const api = detailApi({
      getRelease: async () => deployed,
      updateRelease: async () => {
        throw await aResponseError(
          400,
          'InputError',
          'Invalid release change: review.lessons is too long',
        );
      },
    });
    renderDetailPage(api);
    await screen.findByRole('form', { name: 'Post-implementation review' });
    await fillReview();
    await userEvent.click(
      screen.getByRole('button', { name: 'Record review' }),
    );
    const form = screen.getByRole('form', {
      name: 'Post-implementation review',
    });
    await waitFor(() =>
      expect(
        within(form.parentElement!).getByText(
          'Invalid release change: review.lessons is too long',
        ),
      ).toBeInTheDocument(),
    );
  });

  it('waits for the release to be deployed', async () => {
    renderDetailPage(detailApi());
    expect(
      await screen.findByText(
        'The review is written once the release has been deployed.',
      ),
    ).toBeInTheDocument();
  });
});

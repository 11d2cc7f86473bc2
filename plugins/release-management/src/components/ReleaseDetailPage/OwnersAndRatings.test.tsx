import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import { aResponseError } from './testData';
import { detailApi, renderDetailPage } from './__testUtils__/renderDetailPage';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

const told = {
  ownerRef: 'group:default/team-checkout',
  notifiedAt: '2030-01-05T08:00:00.000Z',
  acknowledgedBy: null,
  acknowledgedAt: null,
};

describe('ReleaseDetailPage owners and satisfaction', () => {
  it('acknowledges once when opened from a notification link', async () => {
    const api = detailApi({
      getAcknowledgements: async () => ({ items: [told] }),
      acknowledgeRelease: jest.fn().mockResolvedValue({
        items: [
          {
            ...told,
            acknowledgedBy: 'user:default/guest',
            acknowledgedAt: '2030-01-05T09:00:00.000Z',
          },
        ],
      }),
    });
    renderDetailPage(api, 'r1', '?acknowledge=1');

    expect(
      await screen.findByText(
        'Acknowledged: the release manager knows you are aware.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/acknowledged by user:default\/guest/),
    ).toBeInTheDocument();
    expect(api.acknowledgeRelease).toHaveBeenCalledTimes(1);
    expect(api.acknowledgeRelease).toHaveBeenCalledWith('r1');
  });

  it('does not acknowledge on a plain visit, and explains a refusal', async () => {
    const api = detailApi({
      getAcknowledgements: async () => ({ items: [told] }),
      acknowledgeRelease: jest.fn(async () => {
        throw await aResponseError(403, 'NotAllowedError', 'not an owner');
      }),
    });
    renderDetailPage(api);
    expect(await screen.findByText(/not acknowledged/)).toBeInTheDocument();
    expect(api.acknowledgeRelease).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(
      await screen.findByText(/You own nothing this release touches/),
    ).toBeInTheDocument();
  });

  it('rates a deployed release and shows the mean', async () => {
    const ratings = jest
      .fn()
      .mockResolvedValueOnce({ items: [], mean: null, count: 0 })
      .mockResolvedValue({
        items: [
          {
            releaseId: 'r1',
            ratedBy: 'user:default/guest',
            rating: 4,
            comment: 'smooth',
            ratedAt: '2030-01-08T00:00:00.000Z',
          },
        ],
        mean: 4,
        count: 1,
      });
    const api = detailApi({
      getRelease: async () => aRelease({ status: 'deployed' }),
      getReleaseRatings: ratings,
      rateRelease: jest.fn().mockResolvedValue({}),
    });
    renderDetailPage(api);

    expect(await screen.findByText('No ratings yet.')).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Rate release' });
    expect(submit).toBeDisabled();
    await userEvent.click(screen.getByLabelText('4 Stars'));
    await userEvent.type(screen.getByLabelText('Comment'), 'smooth');
    await userEvent.click(submit);

    await waitFor(() =>
      expect(api.rateRelease).toHaveBeenCalledWith('r1', {
        rating: 4,
        comment: 'smooth',
      }),
    );
    expect(
      await screen.findByText('4.0 of 5 from 1 rating'),
    ).toBeInTheDocument();
  });

  it('asks for ratings only once the release reached its users', async () => {
    renderDetailPage(detailApi());
    expect(
      await screen.findByText(
        /Owners rate a release once it has been deployed/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Rate release' }),
    ).not.toBeInTheDocument();
  });
});

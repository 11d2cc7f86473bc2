import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseManagementApiRef } from '../../api';
import { mockApi } from '../../testUtils';
import { aMetricSet, aMetricsResponse } from './__fixtures__';
import { MetricsDashboard } from './MetricsDashboard';

const byModel = aMetricsResponse({
  groupBy: 'model',
  groups: [
    {
      key: 'normal',
      label: 'normal',
      metrics: aMetricSet({
        successfulReleaseRate: 0.9,
        changeFailureRate: 0.1,
      }),
    },
    {
      key: 'emergency',
      label: 'emergency',
      metrics: aMetricSet({ successfulReleaseRate: 0.5 }),
    },
  ],
});

function answers() {
  return jest.fn(async (query: { groupBy?: string }) => {
    if (query.groupBy === 'model') return byModel;
    if (query.groupBy === 'system') {
      return aMetricsResponse({
        groupBy: 'system',
        groups: [
          {
            key: 'system:default/checkout',
            label: 'checkout',
            metrics: aMetricSet({ successfulReleaseRate: 0.6 }),
          },
        ],
      });
    }
    return aMetricsResponse();
  });
}

function render(getMetrics: jest.Mock = answers()) {
  const api = mockApi({ getMetrics });
  renderInTestApp(<MetricsDashboard />, {
    apis: [[releaseManagementApiRef, api]],
  });
  return api;
}

describe('MetricsDashboard', () => {
  it('shows every figure of the last 90 days, with its definition, and the effectiveness of each model', async () => {
    const api = render();
    const card = await screen
      .findByRole('generic', {
        name: 'Successful release rate',
      })
      .catch(() => screen.findByLabelText('Successful release rate'));
    expect(within(card).getByText('75%')).toBeInTheDocument();
    expect(
      within(await screen.findByLabelText('Lead time')).getByText('30 h'),
    ).toBeInTheDocument();
    // A figure with nothing to compute it from is a dash, not 0 or NaN.
    expect(
      within(screen.getByLabelText('Change failure rate')).getByText('–'),
    ).toBeInTheDocument();

    const [query] = api.getMetrics.mock.calls[0];
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBe(
      90 * 86_400_000,
    );
    expect(query.groupBy).toBeUndefined();

    const effectiveness = await screen.findByRole('table', {
      name: 'Release model effectiveness',
    });
    expect(within(effectiveness).getByText('emergency')).toBeInTheDocument();
    expect(within(effectiveness).getByText('90%')).toBeInTheDocument();
  });

  it('groups by the chosen dimension and period, with a chart and a table', async () => {
    const api = render();
    await screen.findByLabelText('Successful release rate');

    await userEvent.click(screen.getByRole('button', { name: /Group by/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'System' }),
    );
    const table = await screen.findByRole('table', {
      name: 'Metrics per group',
    });
    expect(within(table).getByText('checkout')).toBeInTheDocument();
    expect(within(table).getByText('60%')).toBeInTheDocument();
    expect(
      screen.getByText('Definition of successfulReleaseRate'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Period/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 30 days' }),
    );
    await waitFor(() => {
      const last = api.getMetrics.mock.calls.at(-1)![0];
      expect(Date.parse(last.to!) - Date.parse(last.from!)).toBe(
        30 * 86_400_000,
      );
    });
  });

  it('exports the figures as CSV', async () => {
    render();
    await screen.findByLabelText('Successful release rate');
    const createObjectURL = jest.fn(() => 'blob:metrics');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows the error when the metrics cannot be read', async () => {
    render(
      jest.fn().mockRejectedValue(new Error('You are not allowed')) as any,
    );
    expect(await screen.findAllByText(/You are not allowed/)).not.toHaveLength(
      0,
    );
  });
});

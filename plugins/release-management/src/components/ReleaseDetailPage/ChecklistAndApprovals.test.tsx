import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import { detailApi, renderDetailPage } from './__testUtils__/renderDetailPage';
import { aModel } from './testData';

// The whole page renders; give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

const planned = aRelease({
  status: 'planned',
  currentStage: 'verify-components',
  checklist: [
    {
      stage: 'plan',
      itemId: 'scope-agreed',
      done: true,
      by: 'user:default/radia.perlman',
      at: '2029-12-02T09:00:00.000Z',
    },
  ],
});

describe('ChecklistCard', () => {
  it('ticks an item on the current revision and shows the reloaded state', async () => {
    const api = detailApi({
      getRelease: jest
        .fn()
        .mockResolvedValueOnce(planned)
        .mockResolvedValue({
          ...planned,
          revision: 8,
          checklist: [
            ...planned.checklist,
            {
              stage: 'verify-components',
              itemId: 'tests-green',
              done: true,
              by: 'user:default/grace.hopper',
              at: '2029-12-03T09:00:00.000Z',
            },
          ],
        }),
      updateChecklistItem: async () => planned,
    });
    const { alertApi } = renderDetailPage(api);

    expect(
      await screen.findByRole('checkbox', { name: 'Scope agreed' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Users told (optional)' }),
    ).not.toBeChecked();
    // The current stage is listed first.
    const stageHeadings = screen
      .getAllByRole('heading', { level: 4 })
      .map(h => h.textContent);
    expect(stageHeadings[0]).toBe('Verify components');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Tests green' }),
    );
    expect(api.updateChecklistItem).toHaveBeenCalledWith('r1', 'tests-green', {
      done: true,
      revision: 7,
    });
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Tests green' }),
      ).toBeChecked(),
    );
    expect(
      screen.getByText(/Ticked by user:default\/grace.hopper/),
    ).toBeInTheDocument();
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({ message: 'Ticked "Tests green"' }),
    );
  });

  it('cannot be changed once the release is closed', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () =>
          aRelease({ status: 'closed', currentStage: null }),
      }),
    );
    expect(
      await screen.findByRole('checkbox', { name: 'Tests green' }),
    ).toBeDisabled();
  });

  it('says so when the model has no checklist or approvals', async () => {
    renderDetailPage(
      detailApi({
        getModel: async () =>
          aModel({
            stages: aModel().stages.map(s => ({
              ...s,
              checklist: [],
              approvals: [],
            })),
          }),
      }),
    );
    expect(
      await screen.findByText('The model normal has no checklist items.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The model normal asks for no approvals.'),
    ).toBeInTheDocument();
  });

  it('shows why the model could not be loaded, and the rest of the release', async () => {
    renderDetailPage(
      detailApi({
        getModel: async () => {
          throw new Error('model store unavailable');
        },
      }),
    );
    expect(
      await screen.findByText(/The model normal could not be loaded/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Scope', level: 3 }),
    ).toBeInTheDocument();
  });
});

describe('ApprovalsCard', () => {
  it('shows the decisions so far and approves with a comment', async () => {
    const api = detailApi({
      getRelease: async () => ({
        ...planned,
        approvals: [
          {
            id: 'a1',
            stage: 'verify-components',
            gate: 'cab',
            approver: 'user:default/ada.lovelace',
            decision: 'reject',
            comment: 'No rollback plan',
            at: '2029-12-03T09:00:00.000Z',
          },
        ],
      }),
      decideApproval: async () => planned,
    });
    renderDetailPage(api);

    const decisions = await screen.findByRole('list', {
      name: 'Decisions on Change advisory board',
    });
    expect(
      within(decisions).getByText('Rejected by user:default/ada.lovelace'),
    ).toBeInTheDocument();
    expect(within(decisions).getByText(/No rollback plan/)).toBeInTheDocument();
    expect(
      screen.getByText(/0 of 1 from members of group:default\/cab/),
    ).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Comment on Change advisory board' }),
      'Rollback plan added',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Approve Change advisory board' }),
    );
    expect(api.decideApproval).toHaveBeenCalledWith('r1', {
      stage: 'verify-components',
      gate: 'cab',
      decision: 'approve',
      comment: 'Rollback plan added',
      revision: 7,
    });
    await waitFor(() => expect(api.getRelease).toHaveBeenCalledTimes(2));
    expect(
      screen.getByRole('textbox', { name: 'Comment on Change advisory board' }),
    ).toHaveValue('');
  });

  it('rejects without a comment and shows a refusal', async () => {
    const api = detailApi({
      getRelease: async () => planned,
      decideApproval: async () => {
        throw new Error('You may not decide on this gate');
      },
    });
    const { alertApi } = renderDetailPage(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reject Change advisory board',
      }),
    );
    expect(api.decideApproval).toHaveBeenCalledWith('r1', {
      stage: 'verify-components',
      gate: 'cab',
      decision: 'reject',
      revision: 7,
    });
    await waitFor(() =>
      expect(alertApi.getAlerts()).toContainEqual(
        expect.objectContaining({
          message: 'You may not decide on this gate',
          severity: 'error',
        }),
      ),
    );
  });
});

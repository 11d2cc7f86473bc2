import type { GateFailure } from '@release-management/plugin-release-management-common';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import { detailApi, renderDetailPage } from './__testUtils__/renderDetailPage';
import { aResponseError } from './testData';

// The whole page renders; give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

const cabMissing: GateFailure = {
  stage: 'verify-components',
  kind: 'approval',
  id: 'cab',
  message:
    'Approval "Change advisory board" of stage "Verify components" needs 1 approval(s) from members of group:default/cab; it has 0',
};

const hardFreeze: GateFailure = {
  stage: 'scheduling',
  kind: 'conflict',
  id: 'freeze',
  message: 'The window falls in the hard freeze "Christmas trading freeze"',
  overridable: false,
};

const planned = aRelease({
  status: 'planned',
  currentStage: 'verify-components',
});

describe('TransitionButtons', () => {
  it('shows the gate that blocks a move, beforehand, and overrides it with a justification', async () => {
    const api = detailApi({
      getRelease: jest
        .fn()
        .mockResolvedValueOnce(planned)
        .mockResolvedValue(aRelease({ status: 'scheduled', revision: 8 })),
      // As the backend answers: the failures per status the release may move to.
      getPendingGates: async () => [
        { to: 'scheduled', failures: [cabMissing] },
        { to: 'draft', failures: [] },
        { to: 'cancelled', failures: [] },
      ],
      transitionRelease: async () => aRelease({ status: 'scheduled' }),
    });
    const { alertApi } = renderDetailPage(api);

    const gates = await screen.findByRole('list', {
      name: 'Gates blocking the move to scheduled',
    });
    expect(within(gates).getByText(cabMissing.message)).toBeInTheDocument();
    expect(
      within(gates).getByText('Stage verify-components · approval cab'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Gates blocking the move to draft' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Override gates to move to draft' }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Override gates to move to scheduled',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', {
      name: 'Override and move to scheduled',
    });
    const justification = within(dialog).getByRole('textbox', {
      name: /Justification/,
    });
    await userEvent.type(justification, 'too short');
    expect(confirm).toBeDisabled();
    await userEvent.type(justification, ' — the board met by phone');
    await userEvent.click(confirm);

    expect(api.transitionRelease).toHaveBeenCalledWith('r1', {
      to: 'scheduled',
      revision: 7,
      override: { justification: 'too short — the board met by phone' },
    });
    await waitFor(() => expect(api.getRelease).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByRole('button', { name: 'Move to in-progress' }),
    ).toBeInTheDocument();
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({
        message: 'Moved to scheduled',
        severity: 'success',
      }),
    );
  });

  it('lists every gate that blocks a move', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () => planned,
        getPendingGates: async () => [
          { to: 'scheduled', failures: [cabMissing, hardFreeze] },
        ],
      }),
    );
    const gates = await screen.findByRole('list', {
      name: 'Gates blocking the move to scheduled',
    });
    expect(within(gates).getByText(cabMissing.message)).toBeInTheDocument();
    expect(
      within(gates).getByText(
        'Stage scheduling · conflict freeze · cannot be overridden',
      ),
    ).toBeInTheDocument();
    // A hard freeze cannot be skipped, so no override is offered.
    expect(
      screen.queryByRole('button', {
        name: 'Override gates to move to scheduled',
      }),
    ).not.toBeInTheDocument();
  });

  it('moves the release and reloads it', async () => {
    const api = detailApi({
      getRelease: jest
        .fn()
        .mockResolvedValueOnce(aRelease())
        .mockResolvedValue(aRelease({ status: 'in-progress', revision: 8 })),
      transitionRelease: async () => aRelease({ status: 'in-progress' }),
    });
    renderDetailPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move to in-progress' }),
    );
    expect(api.transitionRelease).toHaveBeenCalledWith('r1', {
      to: 'in-progress',
      revision: 7,
    });
    expect(
      await screen.findByRole('button', { name: 'Move to deployed' }),
    ).toBeInTheDocument();
    expect(api.getPendingGates).toHaveBeenCalledTimes(2);
  });

  it('shows the refusal next to the button when a gate blocks the move', async () => {
    const refusal = `The release cannot move to scheduled: ${cabMissing.message}`;
    const api = detailApi({
      getRelease: async () => planned,
      getPendingGates: async () => {
        throw new Error('pending gates unavailable');
      },
      transitionRelease: async () => {
        throw await aResponseError(409, 'ConflictError', refusal);
      },
    });
    const { alertApi } = renderDetailPage(api);
    expect(
      await screen.findByText(/The pending gates could not be loaded/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Move to scheduled' }),
    );
    // Same revision after the reload: a refusal, not a change made meanwhile.
    // Once as a toast, once next to the button.
    expect(await screen.findAllByText(refusal)).toHaveLength(2);
    expect(api.getRelease).toHaveBeenCalledTimes(2);
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({ message: refusal, severity: 'error' }),
    );
  });

  it('shows why an override was not allowed', async () => {
    const api = detailApi({
      getRelease: async () => planned,
      getPendingGates: async () => [
        { to: 'scheduled', failures: [cabMissing] },
      ],
      transitionRelease: async () => {
        throw await aResponseError(
          403,
          'NotAllowedError',
          'You are not allowed to override the gates of a release',
        );
      },
    });
    renderDetailPage(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Override gates to move to scheduled',
      }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Justification/ }),
      'The board approved it by phone',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Override and move to scheduled' }),
    );
    // The dialog stays open with the reason, so the justification is not lost.
    const dialog = screen.getByRole('dialog');
    expect(
      await within(dialog).findByText(
        'You are not allowed to override the gates of a release',
      ),
    ).toBeInTheDocument();
    expect(api.transitionRelease).toHaveBeenCalledWith('r1', {
      to: 'scheduled',
      revision: 7,
      override: { justification: 'The board approved it by phone' },
    });
  });

  it('says when a release does not move on', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () =>
          aRelease({ status: 'closed', currentStage: null }),
      }),
    );
    expect(
      await screen.findByText('A closed release does not move on.'),
    ).toBeInTheDocument();
  });
});

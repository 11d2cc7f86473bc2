import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRelease } from '../../testUtils';
import {
  detailApi,
  renderDetailPage,
  snapshot,
} from './__testUtils__/renderDetailPage';
import { aHistoryEntry } from './testData';

// The whole page renders; give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

beforeAll(() => {
  // jsdom does not lay out SVG; the dependency graph measures its nodes.
  (window.SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 120,
    height: 20,
  });
});

const cart = 'component:default/cart-service';
const pricing = 'component:default/pricing-service';
const checkout = 'component:default/checkout-web';

describe('ImpactCard and ReleaseOrderCard', () => {
  it('summarises the impact and numbers the release order, marking cycles', async () => {
    const api = detailApi({
      getImpact: async () => ({
        roots: [cart],
        entities: [
          {
            entityRef: checkout,
            kind: 'component',
            depth: 1,
            via: 'dependencyOf',
            path: [cart, checkout],
            owner: 'group:default/team-web',
            system: 'system:default/checkout',
          },
        ],
        owners: [{ ref: 'group:default/team-web', entities: 1 }],
        systems: [{ ref: 'system:default/checkout', entities: 2 }],
        cutOff: true,
        cutOffReason: 'stopped at depth 6',
        snapshot,
      }),
      getReleaseOrder: async () => ({
        steps: [
          { entityRefs: [pricing], cycle: false },
          { entityRefs: [cart, checkout], cycle: true },
        ],
        snapshot,
      }),
    });
    renderDetailPage(api);

    expect(
      await screen.findByText('1 in scope reach 1 more entities.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The analysis was cut off: stopped at depth 6/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Owners' })).getByText(
        /team-web/,
      ),
    ).toBeInTheDocument();
    expect(api.getImpact).toHaveBeenCalledWith({ releaseId: 'r1' });

    const order = screen.getByRole('list', { name: 'Release order' });
    const steps = within(order).getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[0]).toHaveTextContent('pricing-service');
    expect(steps[0]).not.toHaveTextContent('ship together');
    expect(steps[1]).toHaveTextContent('ship together');
    expect(api.getReleaseOrder).toHaveBeenCalledWith({ releaseId: 'r1' });
  });

  it('shows why the impact could not be computed', async () => {
    renderDetailPage(
      detailApi({
        getImpact: async () => {
          throw new Error('catalog snapshot unavailable');
        },
        getReleaseOrder: async () => {
          throw new Error('order unavailable');
        },
      }),
    );
    expect(
      await screen.findByText('Error: catalog snapshot unavailable'),
    ).toBeInTheDocument();
    expect(screen.getByText('Error: order unavailable')).toBeInTheDocument();
  });
});

describe('ConflictsCard', () => {
  it('lists conflicts with severity and a link to the other release', async () => {
    renderDetailPage(
      detailApi({
        getReleaseConflicts: async () => ({
          blocking: true,
          conflicts: [
            {
              kind: 'dependency',
              severity: 'blocking',
              entityRef: cart,
              other: { type: 'release', id: 'r2', title: 'Pricing rules' },
              overridable: true,
              message: 'pricing-service, a dependency, is released meanwhile',
            },
          ],
        }),
      }),
    );
    const list = await screen.findByRole('list', {
      name: 'Conflicts of the planned window',
    });
    expect(
      within(list).getByText(
        'pricing-service, a dependency, is released meanwhile',
      ),
    ).toBeInTheDocument();
    expect(within(list).getByText('blocking')).toBeInTheDocument();
    expect(
      within(list).getByRole('link', { name: 'Pricing rules' }),
    ).toHaveAttribute('href', '/release-management/releases/r2');
  });

  it('says when there are none', async () => {
    renderDetailPage(detailApi());
    expect(
      await screen.findByText('No conflicts with the planned window.'),
    ).toBeInTheDocument();
  });
});

describe('HistoryCard, VerificationCard, PhasesCard and ScopeCard', () => {
  it('shows the history newest first, the phases, and the scope', async () => {
    renderDetailPage(
      detailApi({
        getRelease: async () =>
          aRelease({
            phases: [
              {
                ring: 'canary',
                audiencePercent: 5,
                plannedStart: '2030-01-07T08:00:00.000Z',
                status: 'completed',
              },
            ],
          }),
        getReleaseHistory: async () => [
          aHistoryEntry({ id: 1, action: 'created' }),
          aHistoryEntry({
            id: 2,
            action: 'transitioned',
            actor: 'user:default/grace.hopper',
            details: { from: 'planned', to: 'scheduled' },
          }),
        ],
      }),
    );
    const transitioned = await screen.findByText('transitioned');
    const row = transitioned.closest('tr')!;
    expect(row).toHaveTextContent('user:default/grace.hopper');
    expect(row).toHaveTextContent('from: planned · to: scheduled');
    const rows = screen
      .getAllByRole('row')
      .map(r => r.textContent ?? '')
      .filter(t => /created|transitioned/.test(t));
    expect(rows[0]).toContain('transitioned');

    expect(screen.getByText('canary')).toBeInTheDocument();
    expect(screen.getByText('5%')).toBeInTheDocument();
    expect(screen.getByText('4.2.0')).toBeInTheDocument();
  });

  it('runs verification and shows each check', async () => {
    const verified = aRelease({
      revision: 8,
      verification: {
        status: 'warn',
        checkedAt: '2030-01-07T07:00:00.000Z',
        checkedBy: 'user:default/radia.perlman',
        entities: [
          {
            entityRef: cart,
            status: 'warn',
            checks: [
              {
                id: 'has-owner',
                status: 'pass',
                message: 'Owned by team-checkout',
              },
              {
                id: 'has-model',
                status: 'warn',
                message: 'No applicable model',
              },
            ],
          },
        ],
      },
    });
    const api = detailApi({
      getRelease: jest
        .fn()
        .mockResolvedValueOnce(aRelease())
        .mockResolvedValue(verified),
      verifyRelease: async () => verified,
    });
    renderDetailPage(api);
    expect(
      await screen.findByText('The scope has not been verified yet.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Run verification' }),
    );
    expect(api.verifyRelease).toHaveBeenCalledWith('r1');
    await waitFor(() =>
      expect(screen.getByText('No applicable model')).toBeInTheDocument(),
    );
    expect(screen.getByText('has-owner').closest('tr')).toHaveTextContent(
      'pass',
    );
    expect(screen.getByText('has-model').closest('tr')).toHaveTextContent(
      'warn',
    );
  });

  it('says when there is no history, no phases and no scope', async () => {
    renderDetailPage(
      detailApi({ getRelease: async () => aRelease({ scope: [] }) }),
    );
    expect(
      await screen.findByText('Nothing has happened to this release yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('This release is not rolled out in phases.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No entities are in the scope yet. Edit the release to add them.',
      ),
    ).toBeInTheDocument();
  });
});

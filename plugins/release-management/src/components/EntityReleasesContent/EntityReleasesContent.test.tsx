import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImpactResponse } from '@release-management/plugin-release-management-common';
import { releaseManagementApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aCalendar, aRelease, mockApi } from '../../testUtils';
import { EntityReleasesContent, HISTORY_LIMIT } from './EntityReleasesContent';

jest.setTimeout(30_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Cart-Service', title: 'Cart Service' },
  spec: { type: 'service', owner: 'team-checkout' },
};
const entityRef = 'component:default/cart-service';

const window = (start: string) => ({
  start,
  end: start.replace('T08', 'T10'),
  timeZone: 'Europe/Oslo',
});

const history = {
  items: [
    aRelease({
      id: 'old',
      title: 'Basket v1',
      versionLabel: '4.0',
      status: 'closed',
      plannedWindow: window('2029-06-01T08:00:00.000Z'),
    }),
    aRelease({
      id: 'next',
      title: 'Basket sharing',
      versionLabel: '4.2',
      status: 'scheduled',
      plannedWindow: window('2099-01-07T08:00:00.000Z'),
    }),
  ],
  totalCount: 2,
  limit: HISTORY_LIMIT,
  offset: 0,
};

const impact: ImpactResponse = {
  roots: [entityRef],
  entities: Array.from({ length: 12 }, (_, i) => ({
    entityRef: `component:default/consumer-${i}`,
    kind: 'component',
    depth: i < 3 ? 1 : 2,
    via: 'dependencyOf',
    path: [entityRef, `component:default/consumer-${i}`],
    owner: 'group:default/team-b',
  })),
  owners: [{ ref: 'group:default/team-b', entities: 12 }],
  systems: [{ ref: 'system:default/checkout', entities: 12 }],
  cutOff: true,
  cutOffReason: 'maxEntities reached',
  snapshot: aCalendar().snapshot,
};

function renderContent(overrides: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    getCalendar: jest.fn().mockResolvedValue(aCalendar()),
    listReleases: jest.fn().mockResolvedValue(history),
    getApplicableModel: jest.fn().mockResolvedValue({
      entityRef,
      model: 'normal',
      source: 'selector',
      matchedCriteria: ['kind=component', 'spec.type=service'],
      reason: 'the selector of "normal" matches kind and type',
    }),
    getImpact: jest.fn().mockResolvedValue(impact),
    ...overrides,
  });
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityReleasesContent />
    </EntityProvider>,
    {
      apis: [[releaseManagementApiRef, api]],
      mountedRoutes: { '/release-management': rootRouteRef },
    },
  );
  return api;
}

describe('EntityReleasesContent', () => {
  it('shows the calendar, history, applicable model and the impact of the next release', async () => {
    const api = renderContent();

    expect(
      await screen.findByRole('link', { name: 'Basket sharing (4.2)' }),
    ).toHaveAttribute('href', '/release-management/releases/next');
    expect(
      screen.getByRole('heading', { name: 'Release history' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Basket v1 (4.0)' }),
    ).toHaveAttribute('href', '/release-management/releases/old');
    expect(api.listReleases).toHaveBeenCalledWith({
      entityRef,
      limit: HISTORY_LIMIT,
      order: 'desc',
    });

    expect(
      screen.getByRole('heading', { name: 'Applicable model' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'normal' })).toHaveAttribute(
      'href',
      '/release-management/models/normal',
    );
    expect(screen.getByText('spec.type=service')).toBeInTheDocument();
    expect(
      screen.getByText('the selector of "normal" matches kind and type'),
    ).toBeInTheDocument();
    expect(api.getApplicableModel).toHaveBeenCalledWith(entityRef);

    expect(
      screen.getByRole('heading', { name: 'Impact of the next release' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('12 impacted entities, 1 owners, 1 systems.'),
    ).toBeInTheDocument();
    expect(api.getImpact).toHaveBeenCalledWith({ releaseId: 'next' });
    expect(
      screen.getByText(/cut off: maxEntities reached/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('First 10 of 12 impacted entities'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/consumer-9'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('component:default/consumer-10'),
    ).not.toBeInTheDocument();

    await waitFor(() =>
      expect(api.getCalendar).toHaveBeenCalledWith(
        expect.objectContaining({ entityRef, neighbours: 'direct' }),
      ),
    );
  });

  it('asks the calendar for the neighbours chosen', async () => {
    const api = renderContent();
    const user = userEvent.setup();
    await waitFor(() => expect(api.getCalendar).toHaveBeenCalled());

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Neighbours' }),
      'transitive',
    );
    await waitFor(() =>
      expect(api.getCalendar).toHaveBeenLastCalledWith(
        expect.objectContaining({ entityRef, neighbours: 'transitive' }),
      ),
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Neighbours' }),
      'none',
    );
    await waitFor(() =>
      expect(api.getCalendar).toHaveBeenLastCalledWith(
        expect.objectContaining({ entityRef, neighbours: 'none' }),
      ),
    );
  });

  it('shows the impact of the last release when none is coming', async () => {
    const api = renderContent({
      listReleases: jest.fn().mockResolvedValue({
        ...history,
        items: [history.items[0]],
        totalCount: 1,
      }),
    });
    expect(
      await screen.findByRole('heading', {
        name: 'Impact of the last release',
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getImpact).toHaveBeenCalledWith({ releaseId: 'old' }),
    );
  });

  it('says when the entity has had no release and no model applies', async () => {
    const api = renderContent({
      listReleases: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0, limit: 100, offset: 0 }),
      getApplicableModel: jest.fn().mockResolvedValue({
        entityRef,
        model: null,
        source: 'none',
        matchedCriteria: [],
        reason: 'no model selector matches kind component',
      }),
    });
    expect(
      await screen.findAllByText(
        'No release has had this entity in its scope yet.',
      ),
    ).toHaveLength(2);
    expect(
      await screen.findByText(/no model selector matches kind component/),
    ).toBeInTheDocument();
    expect(api.getImpact).not.toHaveBeenCalled();
  });

  it('shows that it is loading', async () => {
    renderContent({
      listReleases: () => new Promise(() => {}),
      getApplicableModel: () => new Promise(() => {}),
    });
    expect(
      await screen.findByRole('heading', { name: 'Release history' }),
    ).toBeInTheDocument();
    // The history and the model, whose reads never answer, show progress;
    // the calendar's own bar comes and goes with its mock, so it is not
    // counted (on a loaded machine it was already gone).
    expect(
      (await screen.findAllByRole('progressbar')).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('shows why the history, the model or the impact could not be loaded', async () => {
    renderContent({
      getApplicableModel: jest
        .fn()
        .mockRejectedValue(new Error('catalog snapshot unavailable')),
      getImpact: jest.fn().mockRejectedValue(new Error('graph too large')),
    });
    expect(
      await screen.findByText('Error: catalog snapshot unavailable'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Error: graph too large'),
    ).toBeInTheDocument();
  });

  it('shows why the release history could not be loaded', async () => {
    renderContent({
      listReleases: jest.fn().mockRejectedValue(new Error('database down')),
    });
    const card = (
      await screen.findByRole('heading', { name: 'Release history' })
    ).closest('.MuiCard-root') as HTMLElement;
    expect(
      await within(card).findByText('Error: database down'),
    ).toBeInTheDocument();
  });
});

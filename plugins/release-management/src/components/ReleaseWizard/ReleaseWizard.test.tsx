import { alertApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import { releaseManagementApiRef, type ReleaseManagementApi } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease, mockApi } from '../../testUtils';
import { ReleaseWizard } from './ReleaseWizard';
import { aModel, anApplicableModel, aResponseError } from './testData';

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'cart-service',
      namespace: 'default',
      title: 'Cart Service',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'pricing-api', namespace: 'default' },
  },
];

const ReleasePage = () => <div>Release page {useParams().id}</div>;

function renderWizard(
  implementations: Partial<ReleaseManagementApi>,
  path = '/release-management/releases/new',
) {
  const api = mockApi({
    listModels: async () => [
      aModel(),
      aModel({
        name: 'emergency',
        title: 'Emergency',
        releaseType: 'emergency',
      }),
    ],
    getApplicableModel: async entityRef =>
      anApplicableModel({
        entityRef,
        ...(entityRef.startsWith('api:')
          ? { model: null, source: 'none', reason: 'no model applies' }
          : {}),
      }),
    ...implementations,
  });
  const catalogApi = catalogApiMock.mock({
    queryEntities: jest.fn().mockResolvedValue({
      items: entities,
      totalItems: entities.length,
      pageInfo: {},
    }),
  });
  const alertApi = mockApis.alert();
  renderInTestApp(
    <Routes>
      <Route
        path="/release-management/releases/new"
        element={<ReleaseWizard />}
      />
      <Route
        path="/release-management/releases/:id/edit"
        element={<ReleaseWizard />}
      />
      <Route
        path="/release-management/releases/:id"
        element={<ReleasePage />}
      />
    </Routes>,
    {
      apis: [
        [releaseManagementApiRef, api],
        [catalogApiRef, catalogApi],
        [alertApiRef, alertApi],
      ],
      mountedRoutes: { '/release-management': rootRouteRef },
      initialRouteEntries: [path],
    },
  );
  return { api, catalogApi, alertApi };
}

const next = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));

// A walk through four steps with debounced searches takes a while.
jest.setTimeout(30_000);

describe('ReleaseWizard', () => {
  it('creates a release: entities, suggested model, conflict-checked window, picked slot', async () => {
    const { api, catalogApi, alertApi } = renderWizard({
      checkConflicts: jest.fn().mockResolvedValue({
        blocking: true,
        conflicts: [
          {
            kind: 'freeze',
            severity: 'blocking',
            overridable: false,
            message:
              'Christmas trading freeze covers component:default/cart-service',
          },
          {
            kind: 'lead-time',
            severity: 'warning',
            overridable: true,
            message: 'starts in less than 24 hours',
          },
          {
            kind: 'dependency',
            severity: 'warning',
            entityRef: 'component:default/cart-service',
            other: {
              type: 'restricted-release',
              start: '2030-01-07T08:30:00.000Z',
              end: '2030-01-07T09:30:00.000Z',
            },
            overridable: true,
            message:
              'A restricted release changes an entity which it depends on (component:default/cart-service) in an overlapping window',
          },
        ],
      }),
      findSlots: jest.fn().mockResolvedValue({
        slots: [
          {
            start: '2030-01-08T13:00:00.000Z',
            end: '2030-01-08T15:00:00.000Z',
            timeZone: 'Europe/Berlin',
            warnings: [],
          },
        ],
      }),
      createRelease: jest.fn().mockResolvedValue(aRelease({ id: 'r42' })),
    });

    // Entities
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Entities'), 'cart');
    await user.click(
      await screen.findByRole('option', {
        name: 'Cart Service (component:default/cart-service)',
      }),
    );
    await waitFor(() =>
      expect(catalogApi.queryEntities).toHaveBeenCalledWith(
        expect.objectContaining({
          filter: { kind: ['Component', 'Resource', 'API', 'System'] },
          fullTextFilter: {
            term: 'cart',
            fields: ['metadata.name', 'metadata.title'],
          },
          limit: 20,
        }),
      ),
    );
    await user.type(screen.getByLabelText('Entities'), 'pricing');
    await user.click(
      await screen.findByRole('option', { name: 'api:default/pricing-api' }),
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(
      screen.getByText('Give the version of component:default/cart-service.'),
    ).toBeInTheDocument();
    fireEvent.change(
      screen.getByLabelText('Version of component:default/cart-service'),
      { target: { value: '4.2.0' } },
    );
    fireEvent.change(
      screen.getByLabelText('Version of api:default/pricing-api'),
      {
        target: { value: '2.0.0' },
      },
    );
    next();

    // Model: the suggestion is preselected, with each entity's reason.
    await waitFor(() =>
      expect(screen.getByLabelText('Release model')).toHaveValue('normal'),
    );
    expect(screen.getByText('Suggested model: normal')).toBeInTheDocument();
    expect(
      screen.getByText('matches the selector of model normal on kind'),
    ).toBeInTheDocument();
    expect(screen.getByText('no model applies')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Title'), {
      target: { value: 'Basket sharing' },
    });
    fireEvent.change(screen.getByLabelText('Version label'), {
      target: { value: 'cart 4.2' },
    });
    // An embargoed fix: restricted, so a policy may keep it to a few.
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Restricted: an embargoed change, such as a security fix',
      }),
    );
    next();

    // Window, in Berlin time; the conflicts of the plan are listed.
    fireEvent.change(screen.getByLabelText('Time zone'), {
      target: { value: 'Europe/Berlin' },
    });
    fireEvent.change(screen.getByLabelText('Start'), {
      target: { value: '2030-01-07T09:00' },
    });
    fireEvent.change(screen.getByLabelText('End'), {
      target: { value: '2030-01-07T11:00' },
    });
    const conflicts = await screen.findByRole('list', { name: 'Conflicts' });
    expect(api.checkConflicts).toHaveBeenLastCalledWith({
      model: 'normal',
      scope: ['component:default/cart-service', 'api:default/pricing-api'],
      window: {
        start: '2030-01-07T08:00:00.000Z',
        end: '2030-01-07T10:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
    });
    const items = within(conflicts).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Blocking: Christmas trading freeze covers component:default/cart-service',
    );
    expect(items[1]).toHaveTextContent('Warning: starts in less than 24 hours');
    // A release the user may not read: named for what it is, nothing more.
    expect(items[2]).toHaveTextContent(
      'Warning: A restricted release changes an entity which it depends on',
    );
    expect(items[2]).toHaveTextContent('dependency · restricted release');

    // A free slot replaces the window.
    fireEvent.click(screen.getByRole('button', { name: 'Find free slots' }));
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Use slot Tue, Jan 8, 2030, 14:00',
      }),
    );
    expect(api.findSlots).toHaveBeenCalledWith({
      model: 'normal',
      scope: ['component:default/cart-service', 'api:default/pricing-api'],
      durationMinutes: 120,
      timeZone: 'Europe/Berlin',
    });
    expect(screen.getByLabelText('Start')).toHaveValue('2030-01-08T14:00');
    expect(screen.getByLabelText('End')).toHaveValue('2030-01-08T16:00');
    next();

    // Confirm
    expect(screen.getByText('Basket sharing')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create release' }));
    await waitFor(() =>
      expect(screen.getByText('Release page r42')).toBeInTheDocument(),
    );
    expect(api.createRelease).toHaveBeenCalledWith({
      model: 'normal',
      title: 'Basket sharing',
      versionLabel: 'cart 4.2',
      notes: '',
      visibility: 'restricted',
      scope: [
        { entityRef: 'component:default/cart-service', version: '4.2.0' },
        { entityRef: 'api:default/pricing-api', version: '2.0.0' },
      ],
      plannedWindow: {
        start: '2030-01-08T13:00:00.000Z',
        end: '2030-01-08T15:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
    });
    expect(alertApi.getAlerts()[0].message).toContain('created as a draft');
  });

  it('preselects the entity given in the address and shows why a create is refused', async () => {
    const { api } = renderWizard(
      {
        createRelease: jest
          .fn()
          .mockRejectedValue(
            await aResponseError(
              400,
              'Invalid request body: model: unknown model',
            ),
          ),
      },
      '/release-management/releases/new?entityRef=Component:default/cart-service',
    );
    fireEvent.change(
      await screen.findByLabelText('Version of component:default/cart-service'),
      { target: { value: '1.0.0' } },
    );
    next();
    await waitFor(() =>
      expect(screen.getByLabelText('Release model')).toHaveValue('normal'),
    );
    fireEvent.change(screen.getByLabelText('Release model'), {
      target: { value: 'emergency' },
    });
    fireEvent.change(screen.getByLabelText('Title'), {
      target: { value: 'Fix' },
    });
    fireEvent.change(screen.getByLabelText('Version label'), {
      target: { value: '1.0.0' },
    });
    next();
    // No window is fine: a draft can be planned later.
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Create release' }));
    expect(
      await screen.findByText(
        'The release could not be saved: Invalid request body: model: unknown model',
      ),
    ).toBeInTheDocument();
    expect(api.createRelease).toHaveBeenCalledWith(
      expect.objectContaining({ model: 'emergency' }),
    );
    expect(api.createRelease.mock.calls[0][0]).not.toHaveProperty(
      'plannedWindow',
    );
  });

  it('edits a stored release with its revision and explains a revision conflict', async () => {
    const { api } = renderWizard(
      {
        getRelease: jest.fn().mockResolvedValue(aRelease()),
        checkConflicts: jest
          .fn()
          .mockResolvedValue({ blocking: false, conflicts: [] }),
        updateRelease: jest
          .fn()
          .mockRejectedValue(
            await aResponseError(409, 'release r1 is at revision 8, not 7'),
          ),
      },
      '/release-management/releases/r1/edit',
    );
    expect(
      await screen.findByLabelText('Version of component:default/cart-service'),
    ).toHaveValue('4.2.0');
    next();
    expect(screen.getByLabelText('Release model')).toBeDisabled();
    expect(screen.getByLabelText('Title')).toHaveValue('Basket sharing');
    fireEvent.change(screen.getByLabelText('Title'), {
      target: { value: 'Basket sharing v2' },
    });
    next();
    // 08:00Z is 09:00 in Oslo in winter.
    expect(screen.getByLabelText('Start')).toHaveValue('2030-01-07T09:00');
    expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Oslo');
    expect(
      await screen.findByText('No conflicts in this window.'),
    ).toBeInTheDocument();
    expect(api.checkConflicts).toHaveBeenCalledWith(
      expect.objectContaining({ releaseId: 'r1' }),
    );
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Save release' }));
    expect(
      await screen.findByText(
        /release r1 is at revision 8, not 7 — someone else changed it/,
      ),
    ).toBeInTheDocument();
    expect(api.updateRelease).toHaveBeenCalledWith('r1', {
      revision: 7,
      title: 'Basket sharing v2',
      versionLabel: 'cart 4.2',
      notes: '',
      visibility: 'normal',
      scope: [
        { entityRef: 'component:default/cart-service', version: '4.2.0' },
      ],
      plannedWindow: {
        start: '2030-01-07T08:00:00.000Z',
        end: '2030-01-07T10:00:00.000Z',
        timeZone: 'Europe/Oslo',
      },
    });
  });

  it('shows why the models could not be loaded', async () => {
    renderWizard({
      listModels: async () => {
        throw new Error('backend unavailable');
      },
    });
    expect(
      await screen.findByText('Error: backend unavailable'),
    ).toBeInTheDocument();
  });
});

import { alertApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { releaseManagementApiRef, type ReleaseManagementApi } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockApi } from '../../testUtils';
import { aResponseError } from '../ReleaseWizard/testData';
import { ModelsPage } from './ModelsPage';
import { aModel, aModelRevision } from './testData';

function renderPage(
  implementations: Partial<ReleaseManagementApi>,
  path = '/release-management/models',
) {
  const api = mockApi(implementations);
  const alertApi = mockApis.alert();
  renderInTestApp(<ModelsPage />, {
    apis: [
      [releaseManagementApiRef, api],
      [alertApiRef, alertApi],
    ],
    mountPath: '/release-management/models',
    mountedRoutes: { '/release-management': rootRouteRef },
    initialRouteEntries: [path],
  });
  return { api, alertApi };
}

const definition = () =>
  screen.getByLabelText('Model definition (JSON)') as HTMLTextAreaElement;

describe('ModelsPage list', () => {
  it('lists models, marking config models read-only', async () => {
    renderPage({
      listModels: async () => [
        aModel(),
        aModel({
          name: 'emergency',
          title: 'Emergency change',
          releaseType: 'emergency',
          rolloutStrategy: 'big-bang',
          source: 'config',
          readOnly: true,
          revision: 1,
        }),
      ],
    });
    const link = await screen.findByRole('link', { name: 'emergency' });
    expect(link).toHaveAttribute(
      'href',
      '/release-management/models/emergency',
    );
    const row = link.closest('tr')!;
    expect(row).toHaveTextContent('Emergency change');
    expect(row).toHaveTextContent('big-bang');
    expect(within(row).getByText('config — read-only')).toBeInTheDocument();
    const normalRow = screen
      .getByRole('link', { name: 'normal' })
      .closest('tr')!;
    expect(normalRow).toHaveTextContent('phased');
    expect(within(normalRow).getByText('api')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New model' })).toHaveAttribute(
      'href',
      '/release-management/models/new',
    );
  });

  it('says when there are none, and why they could not be loaded', async () => {
    renderPage({ listModels: async () => [] });
    expect(await screen.findByText('No release models')).toBeInTheDocument();
  });

  it('shows a load error', async () => {
    renderPage({
      listModels: async () => {
        throw new Error('backend unavailable');
      },
    });
    expect(
      await screen.findByText('Error: backend unavailable'),
    ).toBeInTheDocument();
  });
});

describe('ModelsPage detail', () => {
  it('shows stages, gates, policy, applicability and revisions', async () => {
    renderPage(
      {
        getModel: async () => aModel(),
        listModelRevisions: async () => [
          aModelRevision(1),
          aModelRevision(2, 'Normal'),
        ],
      },
      '/release-management/models/normal',
    );
    expect(
      await screen.findByText('Release notes written'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Change advisory board: 1 approval from members of group:default/cab',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the scope holds at least one entity/),
    ).toBeInTheDocument();
    expect(screen.getByText('24 hours')).toBeInTheDocument();
    expect(
      screen.getByText('The standard release lifecycle.'),
    ).toBeInTheDocument();
    const revisions = await screen.findByRole('list', { name: 'Revisions' });
    expect(within(revisions).getAllByRole('listitem')[0]).toHaveTextContent(
      'Revision 2: Normal',
    );
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/release-management/models/normal/edit',
    );
  });

  it('offers no edit for a config model', async () => {
    renderPage(
      {
        getModel: async () => aModel({ source: 'config', readOnly: true }),
        listModelRevisions: async () => [aModelRevision(1)],
      },
      '/release-management/models/normal',
    );
    expect(await screen.findByText('config — read-only')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });
});

describe('ModelsPage editor', () => {
  it('lists each schema issue with its path and sends nothing', async () => {
    const { api } = renderPage({}, '/release-management/models/new');
    const model = JSON.parse(definition().value);
    model.name = 'Minor Release';
    delete model.owner;
    fireEvent.change(definition(), {
      target: { value: JSON.stringify(model) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create model' }));
    const problems = await screen.findByRole('list', { name: 'Problems' });
    expect(problems).toHaveTextContent(
      'name: must be lower-case letters, digits and single dashes',
    );
    expect(problems).toHaveTextContent('owner:');

    // Once the shape is right, ids are checked across the model.
    model.name = 'minor-release';
    model.owner = 'group:default/release-managers';
    model.stages[0].checklist.push({ id: 'notes-written', title: 'Twice' });
    fireEvent.change(definition(), {
      target: { value: JSON.stringify(model) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create model' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Problems' })).toHaveTextContent(
        'stages.0.checklist.1.id: checklist item id "notes-written" is used twice in the model',
      ),
    );
    expect(api.createModel).not.toHaveBeenCalled();

    fireEvent.change(definition(), { target: { value: '{ not json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create model' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Problems' })).toHaveTextContent(
        '(model): Not valid JSON',
      ),
    );
  });

  it('creates a model from valid JSON', async () => {
    const { api, alertApi } = renderPage(
      {
        createModel: jest
          .fn()
          .mockResolvedValue(aModel({ name: 'minor-release', revision: 1 })),
        getModel: async () => aModel({ name: 'minor-release' }),
        listModelRevisions: async () => [aModelRevision(1)],
      },
      '/release-management/models/new',
    );
    const model = JSON.parse(definition().value);
    fireEvent.click(screen.getByRole('button', { name: 'Create model' }));
    await waitFor(() => expect(api.createModel).toHaveBeenCalledWith(model));
    expect(model.name).toBe('minor-release');
    expect(alertApi.getAlerts()[0].message).toBe(
      'Model "minor-release" created',
    );
  });

  it('updates an API model with its revision and shows a 409', async () => {
    const { api } = renderPage(
      {
        getModel: async () => aModel(),
        updateModel: jest
          .fn()
          .mockRejectedValue(
            await aResponseError(409, 'model normal is at revision 4, not 3'),
          ),
      },
      '/release-management/models/normal/edit',
    );
    await waitFor(() =>
      expect(definition().value).toContain('"title": "Normal release"'),
    );
    const model = JSON.parse(definition().value);
    model.schedulingPolicy.minimumLeadTimeHours = 48;
    fireEvent.change(definition(), {
      target: { value: JSON.stringify(model) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save model' }));
    expect(
      await screen.findByText(
        /model normal is at revision 4, not 3 — someone else changed it/,
      ),
    ).toBeInTheDocument();
    expect(api.updateModel).toHaveBeenCalledWith('normal', {
      ...model,
      revision: 3,
    });
    expect(model).not.toHaveProperty('name');
  });

  it('refuses to edit a config model', async () => {
    renderPage(
      { getModel: async () => aModel({ source: 'config', readOnly: true }) },
      '/release-management/models/normal/edit',
    );
    expect(
      await screen.findByText('Warning: This model is read-only'),
    ).toBeInTheDocument();
    expect(
      screen.queryByLabelText('Model definition (JSON)'),
    ).not.toBeInTheDocument();
  });
});

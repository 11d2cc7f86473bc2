import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseManagementApiRef, type ReleaseManagementApi } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease, mockApi } from '../../testUtils';
import { ReleasesTable } from './ReleasesTable';

function render(listReleases: ReleaseManagementApi['listReleases']) {
  const api = mockApi({
    listReleases: jest.fn(listReleases),
    listModels: jest.fn().mockResolvedValue([
      { name: 'normal', title: 'Normal release' },
      { name: 'emergency', title: 'Emergency release' },
    ]),
  });
  renderInTestApp(<ReleasesTable />, {
    apis: [[releaseManagementApiRef, api]],
    mountedRoutes: {
      '/release-management': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
  });
  return api;
}

const page =
  (items = [aRelease()], totalCount = items.length) =>
  async () => ({ items, totalCount, limit: 20, offset: 0 });

/** A filter select; the table's sortable column headers share its name. */
const filter = (name: string) =>
  screen
    .getAllByRole('button', { name: new RegExp(`^${name}`) })
    .find(e => e.getAttribute('aria-haspopup') === 'listbox')!;

describe('ReleasesTable', () => {
  it('lists a page of releases, each linking to its detail page', async () => {
    const api = render(
      page(
        [aRelease({ id: 'r7', title: 'Search synonyms', versionLabel: '2.9' })],
        41,
      ),
    );

    const link = await screen.findByRole('link', {
      name: 'Search synonyms (2.9)',
    });
    expect(link).toHaveAttribute('href', '/release-management/releases/r7');
    expect(api.listReleases).toHaveBeenCalledWith({
      limit: 20,
      offset: 0,
      status: undefined,
      model: undefined,
      search: undefined,
    });
    expect(screen.getByRole('button', { name: 'New release' })).toHaveAttribute(
      'href',
      '/release-management/releases/new',
    );
  });

  it('asks the backend for the chosen status and model', async () => {
    const api = render(page());
    await screen.findByText('Basket sharing (cart 4.2)');

    await userEvent.click(filter('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'planned' }),
    );
    await userEvent.click(filter('Model'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Emergency release' }),
    );

    await waitFor(() =>
      expect(api.listReleases).toHaveBeenLastCalledWith(
        expect.objectContaining({
          status: 'planned',
          model: 'emergency',
          offset: 0,
        }),
      ),
    );
  });

  it('searches on the backend', async () => {
    const api = render(page());
    await screen.findByText('Basket sharing (cart 4.2)');
    await userEvent.type(screen.getByPlaceholderText('Filter'), '100%');
    await waitFor(() =>
      expect(api.listReleases).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: '100%' }),
      ),
    );
  });

  it('says when nothing matches', async () => {
    render(page([]));
    expect(await screen.findByText(/No releases match/)).toBeInTheDocument();
  });

  it('shows why the releases cannot be read', async () => {
    render(async () => {
      throw new Error('backend is down');
    });
    expect(
      await screen.findByText('Error: backend is down'),
    ).toBeInTheDocument();
  });
});

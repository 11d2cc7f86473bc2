import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Release } from '@release-management/plugin-release-management-common';
import Chip from '@material-ui/core/Chip';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { formatWindow } from '../EntityReleaseCalendarCard/formatWindow';

const columns: TableColumn<Release>[] = [
  {
    title: 'Release',
    field: 'title',
    highlight: true,
    render: r => `${r.title} (${r.versionLabel})`,
  },
  {
    title: 'Status',
    field: 'status',
    render: r => <Chip size="small" variant="outlined" label={r.status} />,
  },
  { title: 'Stage', field: 'currentStage', emptyValue: '—' },
  {
    title: 'Planned window',
    field: 'plannedWindow.start',
    render: r =>
      r.plannedWindow
        ? formatWindow(r.plannedWindow.start, r.plannedWindow.end)
        : '—',
  },
  {
    title: 'Scope',
    render: r => r.scope.map(s => `${s.entityRef}@${s.version}`).join(', '),
  },
  { title: 'Model', field: 'model.name' },
  { title: 'Release manager', field: 'releaseManager' },
];

/** The releases the user may read, newest first. */
export const ReleasesTable = () => {
  const api = useApi(releaseManagementApiRef);
  const releases = useAsync(() => api.listReleases({ limit: 500 }), [api]);
  if (releases.loading) return <Progress />;
  if (releases.error) return <ResponseErrorPanel error={releases.error} />;
  if (!releases.value || releases.value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No releases planned yet"
        description="Plan a release from a release model to see it on the calendar here and on the pages of every entity in its scope."
      />
    );
  }
  return (
    <Table<Release>
      title={`Releases (${releases.value.totalCount})`}
      options={{ paging: true, pageSize: 20, search: true, padding: 'dense' }}
      columns={columns}
      data={releases.value.items}
    />
  );
};

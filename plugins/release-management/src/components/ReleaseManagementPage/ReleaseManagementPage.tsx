import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
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

/**
 * The release management page. Calendar, models and metrics views grow
 * here; today it lists the releases the user may read.
 *
 * On the new frontend system the app draws the page header, so the page
 * renders its content only (`withHeader={false}`).
 */
export const ReleaseManagementPage = ({
  withHeader = true,
}: {
  withHeader?: boolean;
}) => {
  const api = useApi(releaseManagementApiRef);
  const releases = useAsync(() => api.listReleases({ limit: 500 }), [api]);

  let body: JSX.Element;
  if (releases.loading) {
    body = <Progress />;
  } else if (releases.error) {
    body = <ResponseErrorPanel error={releases.error} />;
  } else if (!releases.value || releases.value.items.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No releases planned yet"
        description="Plan a release from a release model to see it on the calendar here and on the pages of every entity in its scope."
      />
    );
  } else {
    body = (
      <Table<Release>
        title={`Releases (${releases.value.totalCount})`}
        options={{ paging: true, pageSize: 20, search: true, padding: 'dense' }}
        columns={columns}
        data={releases.value.items}
      />
    );
  }

  const content = (
    <Content>
      <ContentHeader title="Releases">
        <SupportButton>
          Releases make new and changed services and features available to their
          users. Each follows a release model and is checked against freezes and
          the releases of its neighbours in the catalog.
        </SupportButton>
      </ContentHeader>
      {body}
    </Content>
  );
  if (!withHeader) return content;
  return (
    <Page themeId="tool">
      <Header
        title="Release Management"
        subtitle="Plan, coordinate and review releases across the catalog"
      />
      {content}
    </Page>
  );
};

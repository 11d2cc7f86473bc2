import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleasePage,
} from '@release-management/plugin-release-management-common';
import { releaseRouteRef } from '../../routes';
import { formatWindow } from '../shared/formatTime';
import { cardHeading } from './cardHeading';
import { newestFirst } from './chooseRelease';

/** An entity's releases, newest first, each linking to its page. */
export const ReleaseHistoryCard = ({
  history,
}: {
  history: { loading: boolean; error?: Error; value?: ReleasePage };
}) => {
  const releaseLink = useRouteRef(releaseRouteRef);

  // The heading stays while loading or failing, so the page keeps its shape.
  if (history.loading || history.error) {
    return (
      <InfoCard title="Release history" {...cardHeading}>
        {history.error ? (
          <ResponseErrorPanel error={history.error} />
        ) : (
          <Progress />
        )}
      </InfoCard>
    );
  }

  const page = history.value;
  const columns: TableColumn<Release>[] = [
    {
      title: 'Release',
      field: 'title',
      highlight: true,
      render: r => (
        <Link to={releaseLink({ id: r.id })}>
          {r.title} ({r.versionLabel})
        </Link>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      render: r => <Chip size="small" variant="outlined" label={r.status} />,
    },
    {
      title: 'Planned window',
      render: r =>
        r.plannedWindow ? (
          <span
            title={formatWindow(
              r.plannedWindow.start,
              r.plannedWindow.end,
              r.plannedWindow.timeZone,
            )}
          >
            {formatWindow(r.plannedWindow.start, r.plannedWindow.end)}
          </span>
        ) : (
          '—'
        ),
    },
    { title: 'Model', field: 'model.name' },
    { title: 'Release manager', field: 'releaseManager' },
  ];
  const items = newestFirst(page?.items ?? []);
  const shown =
    page && page.totalCount > items.length
      ? `${items.length} of ${page.totalCount} releases`
      : `${items.length} release${items.length === 1 ? '' : 's'}`;

  return (
    <Table<Release>
      title="Release history"
      subtitle={shown}
      options={{
        draggable: false,
        paging: items.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={items}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No release has had this entity in its scope yet.
        </Typography>
      }
    />
  );
};

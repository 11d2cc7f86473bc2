import {
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleaseHistoryEntry,
} from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { formatInstant } from '../shared/formatTime';
import { summarizeDetails } from './historyDetails';

const columns: TableColumn<ReleaseHistoryEntry>[] = [
  {
    title: 'Time',
    field: 'at',
    render: row => formatInstant(row.at),
    width: '18%',
  },
  { title: 'Actor', field: 'actor', width: '22%' },
  { title: 'Action', field: 'action', width: '15%' },
  {
    title: 'Details',
    field: 'details',
    render: row => summarizeDetails(row.details),
  },
];

/** Everything that happened to the release, newest first. History is never rewritten. */
export const HistoryCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const { value, loading, error } = useAsync(
    () => api.getReleaseHistory(release.id),
    [api, release.id, release.revision],
  );

  let body: JSX.Element;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.length === 0) {
    body = (
      <Typography variant="body2" style={{ padding: 16 }}>
        Nothing has happened to this release yet.
      </Typography>
    );
  } else {
    const newestFirst = [...value].sort((a, b) => b.id - a.id);
    body = (
      <Table<ReleaseHistoryEntry>
        columns={columns}
        data={newestFirst}
        options={{
          draggable: false,
          toolbar: false,
          paging: newestFirst.length > 10,
          pageSize: 10,
          padding: 'dense',
        }}
      />
    );
  }
  return (
    <DetailCard title="History" noPadding>
      {body}
    </DetailCard>
  );
};

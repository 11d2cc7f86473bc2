import {
  LinkButton,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  RELEASE_STATUSES,
  type Release,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import AddIcon from '@material-ui/icons/Add';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { newReleaseRouteRef, releaseRouteRef } from '../../routes';
import { releaseColumns } from './releaseColumns';

const ANY = '';

/**
 * Every release the user may read, filtered, searched and paged by the
 * backend — a large organisation has more releases than a page should load.
 */
export const ReleasesTable = () => {
  const api = useApi(releaseManagementApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const newReleaseLink = useRouteRef(newReleaseRouteRef);
  const [status, setStatus] = useState<ReleaseStatus | typeof ANY>(ANY);
  const [model, setModel] = useState(ANY);
  const [error, setError] = useState<Error>();
  const models = useAsync(() => api.listModels(), [api]);
  const columns = useMemo(
    () => releaseColumns(id => releaseLink({ id })),
    [releaseLink],
  );

  return (
    <>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
        <TextField
          select
          id="releases-status"
          label="Status"
          value={status}
          onChange={e => setStatus(e.target.value as ReleaseStatus)}
          variant="outlined"
          size="small"
          style={{ minWidth: 160 }}
        >
          <MenuItem value={ANY}>Any</MenuItem>
          {RELEASE_STATUSES.map(s => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="releases-model"
          label="Model"
          value={model}
          onChange={e => setModel(e.target.value)}
          variant="outlined"
          size="small"
          style={{ minWidth: 160 }}
        >
          <MenuItem value={ANY}>Any</MenuItem>
          {(models.value ?? []).map(m => (
            <MenuItem key={m.name} value={m.name}>
              {m.title ?? m.name}
            </MenuItem>
          ))}
        </TextField>
        <Box flexGrow={1} />
        <LinkButton
          to={newReleaseLink()}
          color="primary"
          variant="contained"
          startIcon={<AddIcon />}
        >
          New release
        </LinkButton>
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      <Table<Release>
        // A new key makes the table fetch its first page again.
        key={`${status}|${model}`}
        title="Releases"
        options={{
          draggable: false,
          paging: true,
          pageSize: 20,
          pageSizeOptions: [20, 50, 100],
          search: true,
          debounceInterval: 400,
          padding: 'dense',
        }}
        localization={{
          body: {
            emptyDataSourceMessage:
              'No releases match. Plan one from a release model to see it here and on the pages of the entities in its scope.',
          },
        }}
        columns={columns}
        data={async query => {
          const page = await api
            .listReleases({
              status: status || undefined,
              model: model || undefined,
              search: query.search || undefined,
              limit: query.pageSize,
              offset: query.page * query.pageSize,
            })
            .then(
              result => {
                setError(undefined);
                return result;
              },
              (e: Error) => {
                // Shown above the table; the table itself shows no rows.
                setError(e);
                return { items: [], totalCount: 0 };
              },
            );
          return {
            data: page.items,
            page: query.page,
            totalCount: page.totalCount,
          };
        }}
      />
    </>
  );
};

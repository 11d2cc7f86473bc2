import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import type { ReleaseModel } from '@release-management/plugin-release-management-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { modelRouteRef, modelsRouteRef } from '../../routes';
import { SourceBadge } from './SourceBadge';

const NewModelButton = () => {
  const modelsLink = useRouteRef(modelsRouteRef);
  return (
    <Button
      variant="contained"
      color="primary"
      component={RouterLink}
      to={`${modelsLink()}/new`}
    >
      New model
    </Button>
  );
};

/** The release models, those kept in app-config marked read-only. */
export const ModelList = () => {
  const api = useApi(releaseManagementApiRef);
  const modelLink = useRouteRef(modelRouteRef);
  const models = useAsync(() => api.listModels(), [api]);

  if (models.loading) return <Progress />;
  if (models.error) return <ResponseErrorPanel error={models.error} />;
  if (!models.value?.length) {
    return (
      <EmptyState
        missing="data"
        title="No release models"
        description="A release model is a repeatable method for one type of release: its stages, gates and scheduling policy. Define one here or in app-config."
        action={<NewModelButton />}
      />
    );
  }

  const columns: TableColumn<ReleaseModel>[] = [
    {
      title: 'Name',
      field: 'name',
      render: model => (
        <Link to={modelLink({ name: model.name })}>{model.name}</Link>
      ),
    },
    { title: 'Title', field: 'title' },
    { title: 'Release type', field: 'releaseType' },
    { title: 'Rollout strategy', field: 'rolloutStrategy' },
    {
      title: 'Source',
      field: 'source',
      render: model => <SourceBadge model={model} />,
    },
    { title: 'Revision', field: 'revision', type: 'numeric' },
  ];

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <NewModelButton />
      </Box>
      <Table<ReleaseModel>
        title="Release models"
        options={{
          draggable: false,
          paging: false,
          search: true,
          padding: 'dense',
        }}
        columns={columns}
        data={models.value}
      />
    </>
  );
};

import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  Deployment,
  Release,
} from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { formatInstant } from '../shared/formatTime';

const columns: TableColumn<Deployment>[] = [
  {
    title: 'Entity',
    render: d => <EntityRefLink entityRef={d.entityRef} />,
  },
  {
    title: 'Environment',
    render: d =>
      d.production ? (
        <Chip size="small" color="primary" label={d.environment} />
      ) : (
        d.environment
      ),
  },
  { title: 'Version', field: 'version' },
  { title: 'Status', field: 'status' },
  { title: 'Started', render: d => formatInstant(d.startedAt) },
  {
    title: 'Finished',
    render: d => (d.finishedAt ? formatInstant(d.finishedAt) : '—'),
  },
  {
    title: 'Pipeline',
    // A link for people to follow; the backend never fetches it.
    render: d =>
      d.pipelineUrl ? <Link to={d.pipelineUrl}>run {d.externalId}</Link> : '—',
  },
];

/**
 * What pipelines deployed for this release. The release says what is made
 * available and when; deployments say where each version went and how it
 * went, as reported by CI/CD.
 */
export const DeploymentsCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const deployments = useAsync(
    () => api.getReleaseDeployments(release.id),
    [api, release.id, release.revision],
  );
  let body: JSX.Element;
  if (deployments.error) {
    body = (
      <Typography variant="body2" color="error">
        The deployments could not be loaded: {deployments.error.message}
      </Typography>
    );
  } else if (!deployments.value) {
    body = <Typography variant="body2">Loading deployments…</Typography>;
  } else if (deployments.value.items.length === 0) {
    body = (
      <Typography variant="body2">
        No pipeline has recorded a deployment for this release yet.
      </Typography>
    );
  } else {
    return (
      <DetailCard
        title="Deployments"
        subheader={`${deployments.value.totalCount} recorded by pipelines`}
        noPadding
      >
        <Table<Deployment>
          columns={columns}
          data={deployments.value.items}
          options={{
            draggable: false,
            toolbar: false,
            paging: deployments.value.items.length > 10,
            padding: 'dense',
          }}
        />
      </DetailCard>
    );
  }
  return <DetailCard title="Deployments">{body}</DetailCard>;
};

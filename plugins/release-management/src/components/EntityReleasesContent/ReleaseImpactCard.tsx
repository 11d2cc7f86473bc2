import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ImpactResponse,
  Release,
} from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { cardHeading } from './cardHeading';
import { releaseManagementApiRef } from '../../api';
import { releaseRouteRef } from '../../routes';

/** How many impacted entities the card lists; the counts cover them all. */
export const IMPACT_ROWS = 10;

type ImpactedEntity = ImpactResponse['entities'][number];

const columns: TableColumn<ImpactedEntity>[] = [
  { title: 'Entity', field: 'entityRef', highlight: true },
  { title: 'Depth', field: 'depth', type: 'numeric' },
  { title: 'Reached via', field: 'via' },
  { title: 'Owner', field: 'owner', emptyValue: '—' },
];

const topOf = (counts: { ref: string; entities: number }[]) =>
  [...counts]
    .sort((a, b) => b.entities - a.entities)
    .slice(0, 5)
    .map(c => `${c.ref} (${c.entities})`)
    .join(', ');

const ImpactBody = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const impact = useAsync(
    () => api.getImpact({ releaseId: release.id }),
    [api, release.id],
  );
  if (impact.loading) return <Progress />;
  if (impact.error) return <ResponseErrorPanel error={impact.error} />;
  const { entities, owners, systems, cutOff, cutOffReason } = impact.value!;
  return (
    <>
      <Typography variant="body1" gutterBottom>
        {entities.length} impacted entities, {owners.length} owners,{' '}
        {systems.length} systems.
      </Typography>
      {cutOff && (
        <Typography variant="body2" color="error" gutterBottom role="status">
          The analysis was cut off
          {cutOffReason ? `: ${cutOffReason}` : ''}; more may be impacted.
        </Typography>
      )}
      {owners.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Owners: {topOf(owners)}
        </Typography>
      )}
      {systems.length > 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Systems: {topOf(systems)}
        </Typography>
      )}
      {entities.length > 0 && (
        <Box mt={1}>
          <Table<ImpactedEntity>
            title={`First ${Math.min(IMPACT_ROWS, entities.length)} of ${
              entities.length
            } impacted entities`}
            options={{
              draggable: false,
              paging: false,
              search: false,
              padding: 'dense',
            }}
            columns={columns}
            data={entities.slice(0, IMPACT_ROWS)}
          />
        </Box>
      )}
    </>
  );
};

/**
 * The blast radius of an entity's next release (or else its last one):
 * the entities, owners and systems its scope reaches.
 */
export const ReleaseImpactCard = ({
  choice,
  loading,
  error,
}: {
  choice?: { release: Release; which: 'next' | 'last' };
  loading: boolean;
  error?: Error;
}) => {
  const releaseLink = useRouteRef(releaseRouteRef);
  const title =
    choice?.which === 'last'
      ? 'Impact of the last release'
      : 'Impact of the next release';

  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    // The history card shows the error itself.
    body = (
      <Typography variant="body2" color="textSecondary">
        The releases of this entity could not be loaded, so there is no release
        to analyse.
      </Typography>
    );
  } else if (!choice) {
    body = (
      <Typography variant="body2">
        No release has had this entity in its scope yet.
      </Typography>
    );
  } else {
    body = <ImpactBody release={choice.release} />;
  }
  return (
    <InfoCard
      title={title}
      {...cardHeading}
      subheader={
        choice && (
          <Link to={releaseLink({ id: choice.release.id })}>
            {choice.release.title} ({choice.release.versionLabel}),{' '}
            {choice.release.status}
          </Link>
        )
      }
    >
      {body}
    </InfoCard>
  );
};

import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  Conflict,
  Release,
} from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { freezeWindowRouteRef, releaseRouteRef } from '../../routes';
import { DetailCard } from './DetailCard';

const OtherParty = ({ other }: { other: NonNullable<Conflict['other']> }) => {
  const releaseLink = useRouteRef(releaseRouteRef);
  const freezeLink = useRouteRef(freezeWindowRouteRef);
  // A release the viewer may not read: busy, and nothing more to show.
  if (other.type === 'restricted-release') return <>restricted release</>;
  const to =
    other.type === 'release'
      ? releaseLink({ id: other.id })
      : freezeLink({ id: other.id });
  return <Link to={to}>{other.title}</Link>;
};

/**
 * Why the planned window is a problem, computed when the page is opened:
 * overlapping releases of the same or neighbouring entities, freezes, the
 * model's scheduling policy.
 */
export const ConflictsCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const { value, loading, error } = useAsync(
    () => api.getReleaseConflicts(release.id),
    [api, release.id, release.revision],
  );

  let body: JSX.Element;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.conflicts.length === 0) {
    body = (
      <Typography variant="body2">
        {release.plannedWindow
          ? 'No conflicts with the planned window.'
          : 'The release has no planned window to check.'}
      </Typography>
    );
  } else {
    body = (
      <List dense disablePadding aria-label="Conflicts of the planned window">
        {value.conflicts.map((c, i) => (
          <ListItem key={`${c.kind}-${i}`} divider disableGutters>
            <ListItemText
              primary={c.message}
              secondary={
                <>
                  {c.kind}
                  {c.entityRef ? ` · ${c.entityRef}` : ''}
                  {c.other && (
                    <>
                      {' · '}
                      {c.other.type === 'freeze-window' ? 'freeze ' : ''}
                      {c.other.type === 'release' ? 'release ' : ''}
                      <OtherParty other={c.other} />
                    </>
                  )}
                </>
              }
            />
            <Chip
              size="small"
              label={c.severity}
              color={c.severity === 'blocking' ? 'secondary' : 'default'}
            />
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <DetailCard
      title="Conflicts"
      subheader={
        value?.blocking
          ? 'Blocking conflicts keep it from being scheduled'
          : undefined
      }
    >
      {body}
    </DetailCard>
  );
};

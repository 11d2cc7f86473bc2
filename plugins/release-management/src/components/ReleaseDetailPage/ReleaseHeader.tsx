import { Link, StructuredMetadataTable } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { Release } from '@release-management/plugin-release-management-common';
import { editReleaseRouteRef, modelRouteRef } from '../../routes';
import { formatInstant, formatWindow } from '../shared/formatTime';

const PlannedWindow = ({ window }: { window: Release['plannedWindow'] }) => {
  if (!window) return <>Not planned yet</>;
  // The viewer's clock first; the clock the window was planned on on hover.
  return (
    <span title={formatWindow(window.start, window.end, window.timeZone)}>
      {formatWindow(window.start, window.end)}
    </span>
  );
};

/**
 * The top of the release detail page: what the release is, where it stands
 * and who runs it, with the way to edit it.
 */
export const ReleaseHeader = ({ release }: { release: Release }) => {
  const modelLink = useRouteRef(modelRouteRef);
  const editLink = useRouteRef(editReleaseRouteRef);

  const metadata: Record<string, JSX.Element | string> = {
    Model: (
      <Link to={modelLink({ name: release.model.name })}>
        {release.model.name} (revision {release.model.revision})
      </Link>
    ),
    'Release manager': <EntityRefLink entityRef={release.releaseManager} />,
    'Planned window': <PlannedWindow window={release.plannedWindow} />,
  };
  if (release.actualStart) {
    metadata['Actual start'] = formatInstant(release.actualStart);
  }
  if (release.actualEnd) {
    metadata['Actual end'] = formatInstant(release.actualEnd);
  }

  return (
    <Paper>
      <Box p={2}>
        <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={12}>
          <Typography variant="h4" component="h2">
            {release.title}
          </Typography>
          <Typography variant="h6" component="p" color="textSecondary">
            {release.versionLabel}
          </Typography>
          <Chip label={release.status} color="primary" />
          {release.visibility === 'restricted' && (
            <Chip
              label="restricted"
              variant="outlined"
              title="An embargoed change: readers your policy keeps out see only its window"
            />
          )}
          <Box flexGrow={1} />
          <Link to={editLink({ id: release.id })} variant="button">
            Edit
          </Link>
        </Box>
        <StructuredMetadataTable metadata={metadata} />
      </Box>
    </Paper>
  );
};

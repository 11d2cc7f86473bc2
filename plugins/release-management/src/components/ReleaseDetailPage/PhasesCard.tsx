import { Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleasePhase,
} from '@release-management/plugin-release-management-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { ExposureChart } from './ExposureChart';
import { formatInstant } from '../shared/formatTime';
import { PHASE_ACTIONS, PHASE_RELEASE_STATUSES } from './phaseMoves';
import type { ReleaseWrite } from './useReleaseWrite';

const when = (start?: string, end?: string) =>
  [start, end].map(t => (t ? formatInstant(t) : '…')).join(' – ');

/**
 * The rings of a phased or feature-flag rollout, the moves each ring offers
 * while the release runs, and the exposure they have reached over time.
 */
export const PhasesCard = ({
  release,
  write,
  busy,
}: {
  release: Release;
  write: ReleaseWrite;
  busy: boolean;
}) => {
  const api = useApi(releaseManagementApiRef);
  const movable = PHASE_RELEASE_STATUSES.includes(release.status);
  const exposure = useAsync(
    () => api.getExposure(release.id),
    [api, release.id, release.revision],
  );

  const columns = useMemo<TableColumn<ReleasePhase>[]>(
    () => [
      { title: 'Ring', field: 'ring' },
      {
        title: 'Audience',
        field: 'audiencePercent',
        render: row => `${row.audiencePercent}%`,
      },
      {
        title: 'Planned',
        render: row =>
          row.plannedStart || row.plannedEnd
            ? when(row.plannedStart, row.plannedEnd)
            : '—',
      },
      {
        title: 'Actual',
        render: row =>
          row.actualStart || row.actualEnd
            ? when(row.actualStart, row.actualEnd)
            : '—',
      },
      { title: 'Status', field: 'status' },
      {
        title: 'Move',
        render: row =>
          movable
            ? PHASE_ACTIONS[row.status].map(action => (
                <Button
                  key={action.to}
                  size="small"
                  disabled={busy}
                  aria-label={`${action.label} ring ${row.ring}`}
                  onClick={() =>
                    write(
                      revision =>
                        api.updatePhase(release.id, row.ring, {
                          status: action.to,
                          revision,
                        }),
                      `Ring ${row.ring} is ${action.to}`,
                    )
                  }
                >
                  {action.label}
                </Button>
              ))
            : '—',
      },
    ],
    [api, busy, movable, release.id, write],
  );

  if (release.phases.length === 0) {
    return (
      <DetailCard title="Phases">
        <Typography variant="body2">
          This release is not rolled out in phases.
        </Typography>
      </DetailCard>
    );
  }
  return (
    <DetailCard
      title="Phases"
      subheader={
        movable
          ? undefined
          : `Rings move while the release is in progress, deployed or verified; it is ${release.status}.`
      }
    >
      <Table<ReleasePhase>
        columns={columns}
        data={release.phases}
        options={{
          draggable: false,
          toolbar: false,
          paging: false,
          padding: 'dense',
        }}
      />
      <Box mt={2}>
        {exposure.error && (
          <Typography variant="body2" color="error">
            The exposure could not be loaded: {exposure.error.message}
          </Typography>
        )}
        {exposure.value && <ExposureChart exposure={exposure.value} />}
      </Box>
    </DetailCard>
  );
};

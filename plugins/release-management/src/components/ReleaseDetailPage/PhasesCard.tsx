import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleasePhase,
} from '@release-management/plugin-release-management-common';
import { DetailCard } from './DetailCard';
import { formatInstant } from './formatTime';

const when = (start?: string, end?: string) =>
  [start, end].map(t => (t ? formatInstant(t) : '…')).join(' – ');

const columns: TableColumn<ReleasePhase>[] = [
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
];

/**
 * The rings of a phased rollout, read-only here: phases are moved by the
 * pipeline or from the deployments view, not from this card.
 */
export const PhasesCard = ({ release }: { release: Release }) => (
  <DetailCard title="Phases" noPadding>
    {release.phases.length === 0 ? (
      <Typography variant="body2" style={{ padding: 16 }}>
        This release is not rolled out in phases.
      </Typography>
    ) : (
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
    )}
  </DetailCard>
);

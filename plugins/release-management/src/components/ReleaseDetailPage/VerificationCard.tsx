import { Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { Release } from '@release-management/plugin-release-management-common';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { formatInstant } from '../shared/formatTime';
import type { ReleaseWrite } from './useReleaseWrite';

type CheckStatus = 'pass' | 'warn' | 'fail';
type CheckRow = {
  key: string;
  entityRef: string;
  check: string;
  status: CheckStatus;
  message: string;
};

// Outlined chips keep the text at full contrast on light and dark themes.
export const CheckStatusChip = ({ status }: { status: CheckStatus }) => (
  <Chip
    size="small"
    label={status}
    variant={status === 'pass' ? 'outlined' : 'default'}
    color={status === 'fail' ? 'secondary' : 'default'}
  />
);

const columns: TableColumn<CheckRow>[] = [
  { title: 'Entity', field: 'entityRef' },
  { title: 'Check', field: 'check' },
  {
    title: 'Result',
    field: 'status',
    render: row => <CheckStatusChip status={row.status} />,
  },
  { title: 'Message', field: 'message' },
];

/** The latest component verification of the scope, and the way to run it again. */
export const VerificationCard = ({
  release,
  write,
  busy,
}: {
  release: Release;
  write: ReleaseWrite;
  busy: boolean;
}) => {
  const api = useApi(releaseManagementApiRef);
  const { verification } = release;
  const rows: CheckRow[] = (verification?.entities ?? []).flatMap(entity =>
    entity.checks.map(check => ({
      key: `${entity.entityRef}/${check.id}`,
      entityRef: entity.entityRef,
      check: check.id,
      status: check.status,
      message: check.message,
    })),
  );

  return (
    <DetailCard
      title="Verification"
      subheader={
        verification
          ? `${verification.status} · checked by ${
              verification.checkedBy
            }, ${formatInstant(verification.checkedAt)}`
          : undefined
      }
      action={
        <Button
          color="primary"
          variant="outlined"
          disabled={busy}
          onClick={() =>
            write(() => api.verifyRelease(release.id), 'Verification recorded')
          }
        >
          Run verification
        </Button>
      }
      noPadding
    >
      {rows.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          {verification
            ? 'The verification found nothing to check.'
            : 'The scope has not been verified yet.'}
        </Typography>
      ) : (
        <Table<CheckRow>
          columns={columns}
          data={rows}
          options={{
            draggable: false,
            toolbar: false,
            paging: rows.length > 10,
            pageSize: 10,
            padding: 'dense',
          }}
        />
      )}
    </DetailCard>
  );
};

import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { Release } from '@release-management/plugin-release-management-common';
import { DetailCard } from './DetailCard';

type ScopeRow = Release['scope'][number];

const RefOrDash = ({ entityRef }: { entityRef: string | null }) =>
  entityRef ? <EntityRefLink entityRef={entityRef} /> : <>—</>;

const columns: TableColumn<ScopeRow>[] = [
  {
    title: 'Entity',
    field: 'entityRef',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  { title: 'Version', field: 'version' },
  {
    title: 'Owner',
    field: 'owner',
    render: row => <RefOrDash entityRef={row.owner} />,
  },
  {
    title: 'System',
    field: 'system',
    render: row => <RefOrDash entityRef={row.system} />,
  },
];

/** The configuration items of the release and the version each releases. */
export const ScopeCard = ({ release }: { release: Release }) => (
  <DetailCard
    title="Scope"
    subheader={`${release.scope.length} entities`}
    noPadding
  >
    {release.scope.length === 0 ? (
      <Typography variant="body2" style={{ padding: 16 }}>
        No entities are in the scope yet. Edit the release to add them.
      </Typography>
    ) : (
      <Table<ScopeRow>
        columns={columns}
        data={release.scope}
        options={{
          draggable: false,
          toolbar: false,
          paging: release.scope.length > 10,
          pageSize: 10,
          padding: 'dense',
        }}
      />
    )}
  </DetailCard>
);

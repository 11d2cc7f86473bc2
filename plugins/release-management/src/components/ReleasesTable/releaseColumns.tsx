import { Link, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Release } from '@release-management/plugin-release-management-common';
import Chip from '@material-ui/core/Chip';
import { formatWindow } from '../shared/formatTime';

/** The columns of the releases table; `releaseLink` builds detail URLs. */
export function releaseColumns(
  releaseLink: (id: string) => string,
): TableColumn<Release>[] {
  return [
    {
      title: 'Release',
      field: 'title',
      highlight: true,
      render: r => (
        <Link to={releaseLink(r.id)}>{`${r.title} (${r.versionLabel})`}</Link>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      render: r => <Chip size="small" variant="outlined" label={r.status} />,
    },
    { title: 'Stage', field: 'currentStage', emptyValue: '—' },
    {
      title: 'Planned window',
      field: 'plannedWindow.start',
      render: r =>
        r.plannedWindow ? (
          // The viewer's zone; the zone it was planned in on hover.
          <span
            title={formatWindow(
              r.plannedWindow.start,
              r.plannedWindow.end,
              r.plannedWindow.timeZone,
            )}
          >
            {formatWindow(r.plannedWindow.start, r.plannedWindow.end)}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: 'Scope',
      render: r =>
        r.scope.length > 3
          ? `${r.scope.length} entities`
          : r.scope.map(s => (
              <div key={s.entityRef}>
                <EntityRefLink entityRef={s.entityRef} /> {s.version}
              </div>
            )),
    },
    { title: 'Model', field: 'model.name' },
    {
      title: 'Release manager',
      render: r => <EntityRefLink entityRef={r.releaseManager} />,
    },
  ];
}

import type {
  MetricKey,
  MetricsResponse,
} from '@release-management/plugin-release-management-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import { formatMetric } from './metricFormat';

/** Groups as rows and the chosen figures as columns, totals first. */
export const MetricsTable = ({
  metrics,
  columns,
  caption,
}: {
  metrics: MetricsResponse;
  columns: MetricKey[];
  caption: string;
}) => {
  const definitions = columns.map(
    key => metrics.definitions.find(d => d.key === key)!,
  );
  const rows = [
    { key: 'total', label: 'Total', values: metrics.totals },
    ...metrics.groups.map(g => ({
      key: g.key,
      label: g.label,
      values: g.metrics,
    })),
  ];
  return (
    <Table size="small" aria-label={caption}>
      <TableHead>
        <TableRow>
          <TableCell>Group</TableCell>
          {definitions.map(d => (
            <Tooltip key={d.key} title={d.definition}>
              <TableCell align="right">{d.label}</TableCell>
            </Tooltip>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row" title={row.key}>
              {row.label}
            </TableCell>
            {definitions.map(d => (
              <TableCell key={d.key} align="right">
                {formatMetric(row.values[d.key], d.unit)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

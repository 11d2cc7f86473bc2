import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  MetricKey,
  MetricsGroupBy,
  MetricsResponse,
} from '@release-management/plugin-release-management-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { MetricCards } from './MetricCards';
import { MetricsChart } from './MetricsChart';
import { metricsToCsv } from './metricFormat';
import { MetricsTable } from './MetricsTable';
import { ModelEffectiveness } from './ModelEffectiveness';
import { GROUPINGS, PERIODS, periodOf } from './periods';

/** The figures the group table shows; the cards and CSV have them all. */
const TABLE_COLUMNS: MetricKey[] = [
  'successfulReleaseRate',
  'releaseIncidentRate',
  'scheduleAdherence',
  'closedPerWeek',
  'deploymentFrequency',
  'leadTimeHours',
  'changeFailureRate',
  'timeToRestoreHours',
  'satisfaction',
  'ownerAlignment',
];

function downloadCsv(metrics: MetricsResponse) {
  const blob = new Blob([metricsToCsv(metrics)], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `release-metrics-${metrics.from.slice(
    0,
    10,
  )}-${metrics.to.slice(0, 10)}${
    metrics.groupBy ? `-by-${metrics.groupBy}` : ''
  }.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The metrics dashboard: the ITIL key metrics of release management and
 * the DORA figures for a period, as cards, a chart and a table per group,
 * with a CSV export and the effectiveness of each release model.
 */
export const MetricsDashboard = () => {
  const api = useApi(releaseManagementApiRef);
  const [days, setDays] = useState(90);
  const [groupBy, setGroupBy] = useState<MetricsGroupBy | ''>('');
  const [metric, setMetric] = useState<MetricKey>('successfulReleaseRate');
  const { from, to } = useMemo(() => periodOf(days), [days]);
  const metrics = useAsync(
    () => api.getMetrics({ from, to, groupBy: groupBy || undefined }),
    [api, from, to, groupBy],
  );

  let body: JSX.Element;
  if (metrics.loading) {
    body = <Progress />;
  } else if (metrics.error) {
    body = <ResponseErrorPanel error={metrics.error} />;
  } else {
    const value = metrics.value!;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <MetricCards metrics={value} />
        </Grid>
        {groupBy && (
          <Grid item xs={12}>
            <InfoCard
              title={`By ${GROUPINGS.find(
                g => g.value === groupBy,
              )?.label.toLocaleLowerCase('en-US')}`}
            >
              {value.groups.length === 0 ? (
                <Typography variant="body2">
                  Nothing to show for this period.
                </Typography>
              ) : (
                <>
                  <MetricsChart
                    metrics={value}
                    metric={metric}
                    onMetricChange={setMetric}
                  />
                  <MetricsTable
                    metrics={value}
                    columns={TABLE_COLUMNS}
                    caption="Metrics per group"
                  />
                </>
              )}
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <ModelEffectiveness from={from} to={to} />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={2}>
      <Grid
        item
        xs={12}
        style={{ display: 'flex', gap: 16, alignItems: 'flex-end' }}
      >
        <TextField
          select
          id="release-metrics-period"
          label="Period"
          value={days}
          onChange={e => setDays(Number(e.target.value))}
          style={{ minWidth: 180 }}
        >
          {PERIODS.map(p => (
            <MenuItem key={p.days} value={p.days}>
              {p.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="release-metrics-group-by"
          label="Group by"
          value={groupBy}
          onChange={e => setGroupBy(e.target.value as MetricsGroupBy | '')}
          style={{ minWidth: 180 }}
        >
          {GROUPINGS.map(g => (
            <MenuItem key={g.value} value={g.value}>
              {g.label}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="outlined"
          disabled={!metrics.value}
          onClick={() => metrics.value && downloadCsv(metrics.value)}
        >
          Export CSV
        </Button>
      </Grid>
      <Grid item xs={12}>
        {body}
      </Grid>
    </Grid>
  );
};

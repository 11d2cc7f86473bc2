import type {
  MetricKey,
  MetricsResponse,
} from '@release-management/plugin-release-management-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetric } from './metricFormat';

/** One figure across the groups, as bars; the figure is chosen above the chart. */
export const MetricsChart = ({
  metrics,
  metric,
  onMetricChange,
}: {
  metrics: MetricsResponse;
  metric: MetricKey;
  onMetricChange: (metric: MetricKey) => void;
}) => {
  const theme = useTheme();
  const definition = metrics.definitions.find(d => d.key === metric)!;
  const data = metrics.groups.map(group => ({
    label: group.label,
    value: group.metrics[metric]?.value ?? null,
  }));
  return (
    <figure style={{ margin: 0 }}>
      <TextField
        select
        id="release-metrics-figure"
        label="Figure"
        value={metric}
        onChange={e => onMetricChange(e.target.value as MetricKey)}
        style={{ minWidth: 280 }}
      >
        {metrics.definitions.map(d => (
          <MenuItem key={d.key} value={d.key}>
            {d.label}
          </MenuItem>
        ))}
      </TextField>
      <figcaption>
        <Typography variant="body2" color="textSecondary">
          {definition.definition}
        </Typography>
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis />
          <Tooltip
            formatter={value => [
              formatMetric(
                { value: value === null ? null : Number(value) },
                definition.unit,
              ),
              definition.label,
            ]}
          />
          <Bar
            dataKey="value"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};

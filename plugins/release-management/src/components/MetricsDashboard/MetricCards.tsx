import type { MetricsResponse } from '@release-management/plugin-release-management-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatMetric } from './metricFormat';

/**
 * The totals, one card per figure, grouped by the ITIL metric or DORA
 * figure they belong to; each card's tooltip is the figure's definition.
 */
export const MetricCards = ({ metrics }: { metrics: MetricsResponse }) => (
  <Grid container spacing={2}>
    {metrics.definitions.map(definition => (
      <Grid item xs={12} sm={6} md={3} key={definition.key}>
        <Tooltip title={definition.definition}>
          <Card variant="outlined" aria-label={definition.label}>
            <CardContent>
              <Typography variant="overline" color="textSecondary">
                {definition.family}
              </Typography>
              <Typography variant="h5" component="p">
                {formatMetric(metrics.totals[definition.key], definition.unit)}
              </Typography>
              <Typography variant="body2">{definition.label}</Typography>
            </CardContent>
          </Card>
        </Tooltip>
      </Grid>
    ))}
  </Grid>
);

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { MetricKey } from '@release-management/plugin-release-management-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { MetricsTable } from './MetricsTable';

/** The figures that tell whether a release model works. */
const EFFECTIVENESS: MetricKey[] = [
  'successfulReleaseRate',
  'releaseIncidentRate',
  'scheduleAdherence',
  'leadTimeHours',
  'changeFailureRate',
  'satisfaction',
  'gateOverrides',
  'modelAdoption',
];

/**
 * ITIL's "review release model effectiveness": the outcome figures of
 * each model side by side for the same period.
 */
export const ModelEffectiveness = ({
  from,
  to,
}: {
  from: string;
  to: string;
}) => {
  const api = useApi(releaseManagementApiRef);
  const metrics = useAsync(
    () => api.getMetrics({ from, to, groupBy: 'model' }),
    [api, from, to],
  );
  let body: JSX.Element;
  if (metrics.loading) {
    body = <Progress />;
  } else if (metrics.error) {
    body = <ResponseErrorPanel error={metrics.error} />;
  } else if (!metrics.value?.groups.length) {
    body = (
      <Typography variant="body2">
        No release of any model in this period.
      </Typography>
    );
  } else {
    body = (
      <MetricsTable
        metrics={metrics.value}
        columns={EFFECTIVENESS}
        caption="Release model effectiveness"
      />
    );
  }
  return <InfoCard title="Release model effectiveness">{body}</InfoCard>;
};

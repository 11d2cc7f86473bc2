import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { Link as RouterLink, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { modelRouteRef } from '../../routes';
import { formatInstant } from '../shared/formatTime';
import {
  ApplicabilityCard,
  SchedulingPolicyCard,
  TransitionsCard,
} from './ModelPolicy';
import { ModelRevisions } from './ModelRevisions';
import { ModelStages } from './ModelStages';
import { SourceBadge } from './SourceBadge';

/** One release model: what it is, its stages and policies, its revisions. */
export const ModelDetail = () => {
  const { name = '' } = useParams();
  const api = useApi(releaseManagementApiRef);
  const modelLink = useRouteRef(modelRouteRef);
  const model = useAsync(() => api.getModel(name), [api, name]);

  if (model.loading) return <Progress />;
  if (model.error) return <ResponseErrorPanel error={model.error} />;
  const m = model.value!;
  const editable = m.source === 'api' && !m.readOnly;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard
          title={m.title}
          subheader={m.name}
          action={
            editable ? (
              <Button
                color="primary"
                variant="outlined"
                component={RouterLink}
                to={`${modelLink({ name: m.name })}/edit`}
              >
                Edit
              </Button>
            ) : undefined
          }
        >
          <StructuredMetadataTable
            metadata={{
              description: m.description || '—',
              owner: m.owner,
              'release type': m.releaseType,
              'rollout strategy': m.rolloutStrategy,
              source: <SourceBadge model={m} />,
              revision: m.revision,
              updated: `${formatInstant(m.updatedAt)} by ${m.updatedBy}`,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <SchedulingPolicyCard model={m} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ModelStages stages={m.stages} />
      </Grid>
      <Grid item xs={12} md={6}>
        <Grid container spacing={3} direction="column">
          <Grid item>
            <ApplicabilityCard model={m} />
          </Grid>
          <Grid item>
            <TransitionsCard model={m} />
          </Grid>
          <Grid item>
            <ModelRevisions name={m.name} />
          </Grid>
        </Grid>
      </Grid>
    </Grid>
  );
};

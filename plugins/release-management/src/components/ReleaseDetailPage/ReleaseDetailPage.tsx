import {
  EmptyState,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import type {
  Release,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import { useParams } from 'react-router-dom';
import { releasesRouteRef } from '../../routes';
import { ApprovalsCard } from './ApprovalsCard';
import { ChecklistCard } from './ChecklistCard';
import { ConflictsCard } from './ConflictsCard';
import { DeploymentsCard } from './DeploymentsCard';
import { isNotFound } from '../shared/apiFailure';
import { HistoryCard } from './HistoryCard';
import { ImpactCard } from './ImpactCard';
import { LifecycleCard } from './LifecycleCard';
import { OwnersCard } from './OwnersCard';
import { PhasesCard } from './PhasesCard';
import { ReleaseHeader } from './ReleaseHeader';
import { RatingsCard } from './RatingsCard';
import { ReleaseOrderCard } from './ReleaseOrderCard';
import { ReviewCard } from './ReviewCard';
import { ScopeCard } from './ScopeCard';
import { useModelDefinition } from './useModelDefinition';
import { useRelease } from './useRelease';
import { type ReleaseWrite, useReleaseWrite } from './useReleaseWrite';
import { VerificationCard } from './VerificationCard';

/** The cards that need the model: its stages, checklist and gates. */
const ModelCards = ({
  release,
  write,
  busy,
}: {
  release: Release;
  write: ReleaseWrite;
  busy: boolean;
}) => {
  const model = useModelDefinition(release.model);
  if (model.loading && !model.value) {
    return (
      <Grid item xs={12}>
        <Progress />
      </Grid>
    );
  }
  if (model.error || !model.value) {
    return (
      <Grid item xs={12}>
        <ResponseErrorPanel
          title={`The model ${release.model.name} could not be loaded`}
          error={model.error ?? new Error('no model')}
        />
      </Grid>
    );
  }
  const props = {
    release,
    model: model.value as ReleaseModelDefinition,
    write,
    busy,
  };
  return (
    <>
      <Grid item xs={12}>
        <LifecycleCard {...props} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ChecklistCard {...props} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ApprovalsCard {...props} />
      </Grid>
    </>
  );
};

/**
 * One release: where it stands, what it takes to move it on, what it
 * touches and what happened to it. Rendered at `/releases/:id`.
 *
 * @public
 */
export const ReleaseDetailPage = () => {
  const { id = '' } = useParams();
  const { release, loading, error, reload } = useRelease(id);
  const { write, busy } = useReleaseWrite(release, reload);
  const releasesLink = useRouteRef(releasesRouteRef);

  if (loading && !release) {
    return <Progress />;
  }
  if (isNotFound(error)) {
    return (
      <EmptyState
        missing="content"
        title="Release not found"
        description={`There is no release with id ${id}, or you may not see it.`}
        action={
          <LinkButton to={releasesLink()} variant="contained" color="primary">
            All releases
          </LinkButton>
        }
      />
    );
  }
  if (error || !release) {
    return <ResponseErrorPanel error={error ?? new Error('no release')} />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ReleaseHeader release={release} />
      </Grid>
      <ModelCards release={release} write={write} busy={busy} />
      <Grid item xs={12} lg={6}>
        <ScopeCard release={release} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <ConflictsCard release={release} />
      </Grid>
      <Grid item xs={12} lg={8}>
        <ImpactCard release={release} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <ReleaseOrderCard release={release} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <VerificationCard release={release} write={write} busy={busy} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <PhasesCard release={release} write={write} busy={busy} />
      </Grid>
      <Grid item xs={12}>
        <DeploymentsCard release={release} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <OwnersCard release={release} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <ReviewCard release={release} write={write} busy={busy} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <RatingsCard release={release} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <HistoryCard release={release} />
      </Grid>
    </Grid>
  );
};

import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { startTransition } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { ExplorerFindings, refItems } from './ExplorerFindings';
import { ExplorerGraph } from './ExplorerGraph';
import { RootPicker } from './RootPicker';

/**
 * The architecture explorer: for a system or domain, its entities and
 * relations, the dependency cycles that force components to ship together,
 * the hubs whose releases reach far, and what lacks an owner or a model.
 * The chosen root lives in the URL (`?root=`), so a view can be shared.
 */
export const ArchitectureExplorer = () => {
  const api = useApi(releaseManagementApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const root = searchParams.get('root') ?? undefined;

  const explorer = useAsync(async () => {
    if (!root) return undefined;
    return api.getExplorer(
      root.startsWith('domain:') ? { domain: root } : { system: root },
    );
  }, [api, root]);

  let body: JSX.Element;
  if (!root) {
    body = (
      <EmptyState
        missing="field"
        title="Pick a system or domain"
        description="See its components, APIs and resources with their relations, the cycles that must ship together, the hubs with many dependents, and what has no owner or no release model."
      />
    );
  } else if (explorer.error) {
    body = <ResponseErrorPanel error={explorer.error} />;
  } else if (explorer.loading || !explorer.value) {
    // Also the first render after the root changed, before loading starts.
    body = <Progress />;
  } else {
    const result = explorer.value;
    body = (
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <InfoCard
            title={`Relations in ${result.root}`}
            subheader={`${result.entities.length} entities, ${
              result.edges.length
            } relations · catalog snapshot ${result.snapshot.ageSeconds} s old${
              result.snapshot.stale ? ' (stale)' : ''
            }`}
          >
            {result.entities.length === 0 ? (
              <Typography>Nothing in the catalog belongs to it.</Typography>
            ) : (
              <ExplorerGraph explorer={result} />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6} lg={3}>
          <ExplorerFindings
            title="Cycles"
            empty="No dependency cycles."
            items={result.cycles.map(cycle => ({
              key: cycle.join(),
              primary: 'Must ship together',
              secondary: cycle.join(' → '),
            }))}
          />
        </Grid>
        <Grid item xs={12} md={6} lg={3}>
          <ExplorerFindings
            title="Hubs"
            empty="No entity has many dependents."
            items={result.hubs.map(hub => ({
              key: hub.entityRef,
              primary: <EntityRefLink entityRef={hub.entityRef} />,
              secondary: `${hub.dependents} dependents`,
            }))}
          />
        </Grid>
        <Grid item xs={12} md={6} lg={3}>
          <ExplorerFindings
            title="Without owner"
            empty="Every entity has an owner."
            items={refItems(result.withoutOwner)}
          />
        </Grid>
        <Grid item xs={12} md={6} lg={3}>
          <ExplorerFindings
            title="Without release model"
            empty="A release model applies to every entity."
            items={refItems(result.withoutModel)}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={2} direction="column">
      <Grid item>
        <RootPicker
          value={root}
          onChange={picked =>
            // The result view loads lazily; keep the picker responsive.
            startTransition(() =>
              setSearchParams(picked ? { root: picked.ref } : {}),
            )
          }
        />
      </Grid>
      <Grid item>{body}</Grid>
    </Grid>
  );
};

import {
  DependencyGraph,
  DependencyGraphTypes,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Release } from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { impactGraph } from './impactGraph';

const Tally = ({
  label,
  items,
}: {
  label: string;
  items: Array<{ ref: string; entities: number }>;
}) => (
  <Box mb={2}>
    <Typography variant="subtitle2" component="h4">
      {label} ({items.length})
    </Typography>
    <List dense disablePadding aria-label={label}>
      {items.map(item => (
        <ListItem key={item.ref} disableGutters>
          <EntityRefLink entityRef={item.ref} />
          &nbsp;· {item.entities}
        </ListItem>
      ))}
    </List>
  </Box>
);

/**
 * The blast radius of the release: what its scope reaches through catalog
 * relations, drawn as a graph, with the owners and systems concerned.
 */
export const ImpactCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const { value, loading, error } = useAsync(
    () => api.getImpact({ releaseId: release.id }),
    [api, release.id, release.revision],
  );

  let body: JSX.Element;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.roots.length === 0) {
    body = (
      <Typography variant="body2">
        With nothing in scope, the release impacts nothing.
      </Typography>
    );
  } else {
    const graph = impactGraph(value);
    body = (
      <Grid container spacing={2}>
        <Grid item xs={12} md={8}>
          <Box height={360} overflow="hidden">
            <DependencyGraph
              nodes={graph.nodes}
              edges={graph.edges}
              direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
              labelPosition={DependencyGraphTypes.LabelPosition.RIGHT}
              fit="contain"
              zoom="enable-on-click"
              style={{ width: '100%', height: '100%' }}
            />
          </Box>
          {graph.hidden > 0 && (
            <Typography variant="caption" color="textSecondary">
              The {graph.hidden} farthest entities are not drawn.
            </Typography>
          )}
        </Grid>
        <Grid item xs={12} md={4}>
          <Typography variant="body2" paragraph>
            {value.roots.length} in scope reach {value.entities.length} more
            entities.
          </Typography>
          {value.cutOff && (
            <Alert severity="warning" style={{ marginBottom: 16 }}>
              The analysis was cut off
              {value.cutOffReason ? `: ${value.cutOffReason}` : ''}; more may be
              impacted.
            </Alert>
          )}
          <Tally label="Owners" items={value.owners} />
          <Tally label="Systems" items={value.systems} />
        </Grid>
      </Grid>
    );
  }
  return <DetailCard title="Impact">{body}</DetailCard>;
};

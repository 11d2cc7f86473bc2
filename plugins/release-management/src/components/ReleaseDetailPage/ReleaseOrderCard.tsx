import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { Release } from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';

/**
 * The scope in the order it should ship: providers before their consumers.
 * Entities that depend on each other in a cycle ship together.
 */
export const ReleaseOrderCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const { value, loading, error } = useAsync(
    () => api.getReleaseOrder({ releaseId: release.id }),
    [api, release.id, release.revision],
  );

  let body: JSX.Element;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.steps.length === 0) {
    body = (
      <Typography variant="body2">
        With nothing in scope there is nothing to order.
      </Typography>
    );
  } else {
    body = (
      <ol aria-label="Release order" style={{ margin: 0, paddingLeft: 24 }}>
        {value.steps.map(step => (
          <li key={step.entityRefs.join(',')} style={{ marginBottom: 8 }}>
            <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8}>
              {step.entityRefs.map(ref => (
                <EntityRefLink key={ref} entityRef={ref} />
              ))}
              {step.cycle && (
                <Chip size="small" variant="outlined" label="ship together" />
              )}
            </Box>
          </li>
        ))}
      </ol>
    );
  }
  return <DetailCard title="Release order">{body}</DetailCard>;
};

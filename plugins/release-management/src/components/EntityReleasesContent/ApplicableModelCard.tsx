import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cardHeading } from './cardHeading';
import { releaseManagementApiRef } from '../../api';
import { modelRouteRef } from '../../routes';

const SOURCES = {
  annotation: 'the release-management.io/model annotation',
  selector: 'the model’s applicability selector',
  none: 'no model applies',
};

/** Which model an entity's releases follow, and why that one. */
export const ApplicableModelCard = ({ entityRef }: { entityRef: string }) => {
  const api = useApi(releaseManagementApiRef);
  const modelLink = useRouteRef(modelRouteRef);
  const applicable = useAsync(
    () => api.getApplicableModel(entityRef),
    [api, entityRef],
  );

  let body: JSX.Element;
  if (applicable.loading) {
    body = <Progress />;
  } else if (applicable.error) {
    body = <ResponseErrorPanel error={applicable.error} />;
  } else if (!applicable.value?.model) {
    body = (
      <Typography variant="body2">
        No model applies to this entity.{' '}
        {applicable.value?.reason ??
          'Annotate it with release-management.io/model or widen a model’s selector.'}
      </Typography>
    );
  } else {
    const { model, source, matchedCriteria, reason } = applicable.value;
    body = (
      <StructuredMetadataTable
        dense
        metadata={{
          Model: <Link to={modelLink({ name: model })}>{model}</Link>,
          'Chosen by': SOURCES[source],
          'Matched criteria':
            matchedCriteria.length > 0 ? matchedCriteria : ['—'],
          Why: reason,
        }}
      />
    );
  }
  return (
    <InfoCard title="Applicable model" {...cardHeading}>
      {body}
    </InfoCard>
  );
};

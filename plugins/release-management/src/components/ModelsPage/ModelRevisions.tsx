import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { formatInstant } from '../shared/formatTime';

/** Every revision of a model: releases keep the one they started with. */
export const ModelRevisions = ({ name }: { name: string }) => {
  const api = useApi(releaseManagementApiRef);
  const revisions = useAsync(() => api.listModelRevisions(name), [api, name]);
  let body: JSX.Element;
  if (revisions.loading) body = <Progress />;
  else if (revisions.error)
    body = <ResponseErrorPanel error={revisions.error} />;
  else {
    const sorted = [...(revisions.value ?? [])].sort(
      (a, b) => b.revision - a.revision,
    );
    body = (
      <List dense aria-label="Revisions">
        {sorted.map(r => (
          <ListItem key={r.revision} disableGutters divider>
            <ListItemText
              primary={`Revision ${r.revision}: ${r.definition.title}`}
              secondary={`${formatInstant(r.createdAt)} by ${r.createdBy}`}
            />
          </ListItem>
        ))}
      </List>
    );
  }
  return <InfoCard title="Revisions">{body}</InfoCard>;
};

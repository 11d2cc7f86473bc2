import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  AcknowledgementsResponse,
  Release,
} from '@release-management/plugin-release-management-common';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { describeFailure } from '../shared/apiFailure';
import { formatInstant } from '../shared/formatTime';

/**
 * The owners of what the release touches: when they were told and who of
 * them acknowledged. Owners arrive here from a notification whose link
 * carries `?acknowledge=1`; that acknowledges once, on their behalf.
 */
export const OwnersCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const [outcome, setOutcome] = useState<{
    severity: 'success' | 'error';
    message: string;
  }>();
  const [answer, setAnswer] = useState<AcknowledgementsResponse>();
  const owners = useAsyncRetry(
    () => api.getAcknowledgements(release.id),
    [api, release.id],
  );
  const items = answer?.items ?? owners.value?.items ?? [];

  const acknowledge = async () => {
    try {
      setAnswer(await api.acknowledgeRelease(release.id));
      setOutcome({
        severity: 'success',
        message: 'Acknowledged: the release manager knows you are aware.',
      });
    } catch (error) {
      const failure = describeFailure(error);
      setOutcome({
        severity: 'error',
        message:
          failure.status === 403
            ? 'You own nothing this release touches, so there is nothing for you to acknowledge.'
            : failure.message,
      });
    }
  };

  // Once per visit from the notification link, then drop the parameter so a
  // reload does not acknowledge again.
  const fromLink = searchParams.get('acknowledge') === '1';
  const acknowledged = useRef(false);
  useEffect(() => {
    if (!fromLink || acknowledged.current) return;
    acknowledged.current = true;
    acknowledge().then(() => {
      const next = new URLSearchParams(searchParams);
      next.delete('acknowledge');
      setSearchParams(next, { replace: true });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromLink]);

  let body: JSX.Element;
  if (owners.error) {
    body = (
      <Typography variant="body2" color="error">
        The owners could not be loaded: {describeFailure(owners.error).message}
      </Typography>
    );
  } else if (owners.loading && items.length === 0) {
    body = <Typography variant="body2">Loading owners…</Typography>;
  } else if (items.length === 0) {
    body = (
      <Typography variant="body2">
        Nobody has been told yet: owners hear of a release when it is planned
        for approval, scheduled, moved or cancelled.
      </Typography>
    );
  } else {
    body = (
      <List dense disablePadding aria-label="Owners told">
        {items.map(owner => (
          <ListItem key={owner.ownerRef} disableGutters divider>
            <ListItemText
              primary={<EntityRefLink entityRef={owner.ownerRef} />}
              secondary={[
                owner.notifiedAt
                  ? `told ${formatInstant(owner.notifiedAt)}`
                  : 'not told yet',
                owner.acknowledgedAt
                  ? `acknowledged by ${owner.acknowledgedBy} ${formatInstant(
                      owner.acknowledgedAt,
                    )}`
                  : 'not acknowledged',
              ].join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <DetailCard
      title="Owners"
      subheader="Owners of the entities this release touches"
      action={
        <Button size="small" variant="outlined" onClick={acknowledge}>
          Acknowledge
        </Button>
      }
    >
      {outcome && (
        <Alert severity={outcome.severity} style={{ marginBottom: 8 }}>
          {outcome.message}
        </Alert>
      )}
      {body}
    </DetailCard>
  );
};

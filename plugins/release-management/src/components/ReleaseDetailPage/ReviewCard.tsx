import { Link, StructuredMetadataTable } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  Release,
  ReleaseReview,
} from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { REVIEW_STATUSES } from './lifecycle';
import { ReviewForm } from './ReviewForm';
import type { ReleaseWrite } from './useReleaseWrite';

const ReviewSummary = ({ review }: { review: ReleaseReview }) => (
  <StructuredMetadataTable
    metadata={{
      Outcome: review.outcome,
      Incidents: String(review.incidentCount),
      'Incident links':
        review.incidentLinks.length > 0 ? (
          <>
            {review.incidentLinks.map(url => (
              <div key={url}>
                <Link to={url}>{url}</Link>
              </div>
            ))}
          </>
        ) : (
          'none'
        ),
      Lessons: review.lessons || 'none written',
    }}
  />
);

/**
 * The post-implementation review: a form once the release has been deployed
 * (or failed, or been rolled back), the recorded review once there is one.
 */
export const ReviewCard = ({
  release,
  write,
  busy,
}: {
  release: Release;
  write: ReleaseWrite;
  busy: boolean;
}) => {
  const api = useApi(releaseManagementApiRef);
  const [refusal, setRefusal] = useState<string>();

  let body: JSX.Element;
  if (release.review) {
    body = <ReviewSummary review={release.review} />;
  } else if (release.status === 'closed' || release.status === 'cancelled') {
    body = (
      <Typography variant="body2">
        The release was {release.status} without a review.
      </Typography>
    );
  } else if (!REVIEW_STATUSES.includes(release.status)) {
    body = (
      <Typography variant="body2">
        The review is written once the release has been deployed.
      </Typography>
    );
  } else {
    body = (
      <>
        <ReviewForm
          busy={busy}
          onSubmit={async review => {
            const failure = await write(
              revision => api.updateRelease(release.id, { revision, review }),
              'Review recorded',
            );
            setRefusal(failure?.message);
          }}
        />
        {refusal && (
          <Alert severity="error" role="alert" style={{ marginTop: 8 }}>
            {refusal}
          </Alert>
        )}
      </>
    );
  }
  return <DetailCard title="Review">{body}</DetailCard>;
};

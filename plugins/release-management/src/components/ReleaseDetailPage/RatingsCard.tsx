import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Rating from '@material-ui/lab/Rating';
import type { Release } from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { describeFailure } from '../shared/apiFailure';

// A release is rated once it reached its users, or failed to.
const RATED_STATUSES = [
  'deployed',
  'verified',
  'closed',
  'failed',
  'rolled-back',
];

/**
 * Satisfaction with the release (ITIL: satisfaction with service
 * introduction), rated 1–5 by owners of what it touched. Rating again
 * replaces one's rating.
 */
export const RatingsCard = ({ release }: { release: Release }) => {
  const api = useApi(releaseManagementApiRef);
  const ratings = useAsyncRetry(
    () => api.getReleaseRatings(release.id),
    [api, release.id],
  );
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const open = RATED_STATUSES.includes(release.status);

  const submit = async () => {
    if (!rating) return;
    setSaving(true);
    setProblem(undefined);
    try {
      await api.rateRelease(release.id, { rating, comment });
      setComment('');
      ratings.retry();
    } catch (error) {
      setProblem(describeFailure(error).message);
    } finally {
      setSaving(false);
    }
  };

  let summary = 'Loading ratings…';
  if (ratings.error) {
    summary = `The ratings could not be loaded: ${
      describeFailure(ratings.error).message
    }`;
  } else if (ratings.value) {
    summary =
      ratings.value.count === 0
        ? 'No ratings yet.'
        : `${ratings.value.mean?.toFixed(1)} of 5 from ${
            ratings.value.count
          } rating${ratings.value.count === 1 ? '' : 's'}`;
  }

  return (
    <DetailCard title="Satisfaction">
      <Typography variant="body2">{summary}</Typography>
      {ratings.value?.items.map(r => (
        <Typography key={r.ratedBy} variant="body2" color="textSecondary">
          {r.rating}/5 by {r.ratedBy}
          {r.comment ? `: ${r.comment}` : ''}
        </Typography>
      ))}
      {open ? (
        <Box mt={2} display="flex" flexDirection="column" gridGap={8}>
          <Typography component="legend" variant="body2" id="release-rating">
            Your rating
          </Typography>
          <Rating
            name="release-rating"
            aria-labelledby="release-rating"
            value={rating}
            onChange={(_e, value) => setRating(value)}
          />
          <TextField
            id="release-rating-comment"
            label="Comment"
            value={comment}
            onChange={e => setComment(e.target.value)}
            multiline
            variant="outlined"
            size="small"
          />
          {problem && (
            <Typography variant="body2" color="error" role="alert">
              {problem}
            </Typography>
          )}
          <Box>
            <Button
              variant="contained"
              color="primary"
              disabled={!rating || saving}
              onClick={submit}
            >
              Rate release
            </Button>
          </Box>
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Owners rate a release once it has been deployed, or has failed.
        </Typography>
      )}
    </DetailCard>
  );
};

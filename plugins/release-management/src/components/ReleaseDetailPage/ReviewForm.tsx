import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  type ReleaseReview,
  releaseReviewSchema,
  reviewOutcomeSchema,
} from '@release-management/plugin-release-management-common';
import { useState } from 'react';

/**
 * The post-implementation review: how it went, the incidents it caused and
 * what was learnt. Checked with the schema the backend uses, so a typo in a
 * link is pointed out before sending.
 */
export const ReviewForm = ({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (review: ReleaseReview) => Promise<unknown>;
}) => {
  const [outcome, setOutcome] = useState('');
  const [incidentCount, setIncidentCount] = useState('0');
  const [incidentLinks, setIncidentLinks] = useState('');
  const [lessons, setLessons] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = releaseReviewSchema.safeParse({
      outcome,
      incidentCount: Number(incidentCount),
      incidentLinks: incidentLinks
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean),
      lessons,
    });
    if (!parsed.success) {
      setProblems(
        parsed.error.issues.map(i => `${i.path.join(' ')}: ${i.message}`),
      );
      return;
    }
    setProblems([]);
    await onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} aria-label="Post-implementation review">
      <Box display="flex" gridGap={16}>
        <TextField
          select
          label="Outcome"
          value={outcome}
          onChange={e => setOutcome(e.target.value)}
          required
          variant="outlined"
          margin="dense"
          style={{ minWidth: 220 }}
          id="review-outcome"
        >
          {reviewOutcomeSchema.options.map(option => (
            <MenuItem key={option} value={option}>
              {option}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="review-incident-count"
          label="Incidents"
          type="number"
          value={incidentCount}
          onChange={e => setIncidentCount(e.target.value)}
          inputProps={{ min: 0, step: 1 }}
          variant="outlined"
          margin="dense"
        />
      </Box>
      <TextField
        id="review-incident-links"
        label="Incident links"
        helperText="One URL a line"
        value={incidentLinks}
        onChange={e => setIncidentLinks(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        margin="dense"
      />
      <TextField
        id="review-lessons"
        label="Lessons"
        value={lessons}
        onChange={e => setLessons(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
        margin="dense"
      />
      {problems.length > 0 && (
        <Alert severity="error" role="alert">
          {problems.join('; ')}
        </Alert>
      )}
      <Box mt={1}>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={busy || !outcome}
        >
          Record review
        </Button>
      </Box>
    </form>
  );
};

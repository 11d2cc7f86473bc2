import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  Approval,
  ApprovalGate,
} from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import { formatInstant } from '../shared/formatTime';

function describeApprover(from: ApprovalGate['from']): string {
  switch (from.type) {
    case 'group':
      return `members of ${from.group}`;
    case 'release-manager':
      return 'the release manager';
    default:
      return 'an owner of an entity in scope';
  }
}

/**
 * One approval gate: who must approve, the decisions so far, and the way to
 * approve or reject it with an optional comment.
 */
export const ApprovalGateItem = ({
  stageKey,
  gate,
  decisions,
  editable,
  busy,
  onDecide,
}: {
  stageKey: string;
  gate: ApprovalGate;
  decisions: Approval[];
  editable: boolean;
  busy: boolean;
  onDecide: (
    decision: 'approve' | 'reject',
    comment: string,
  ) => Promise<unknown>;
}) => {
  const [comment, setComment] = useState('');
  const approvals = decisions.filter(d => d.decision === 'approve').length;
  const decide = async (decision: 'approve' | 'reject') => {
    const failure = await onDecide(decision, comment.trim());
    if (!failure) setComment('');
  };

  return (
    <Box mb={2}>
      <Typography variant="body1">
        <strong>{gate.title}</strong>: {approvals} of {gate.count} from{' '}
        {describeApprover(gate.from)}
      </Typography>
      {decisions.length > 0 && (
        <List dense disablePadding aria-label={`Decisions on ${gate.title}`}>
          {decisions.map(d => (
            <ListItem key={d.id} disableGutters>
              <ListItemText
                primary={`${
                  d.decision === 'approve' ? 'Approved' : 'Rejected'
                } by ${d.approver}`}
                secondary={[formatInstant(d.at), d.comment]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {editable && (
        <Box display="flex" alignItems="center" gridGap={8} mt={1}>
          <TextField
            id={`approval-comment-${stageKey}-${gate.id}`}
            label={`Comment on ${gate.title}`}
            value={comment}
            onChange={e => setComment(e.target.value)}
            size="small"
            variant="outlined"
            style={{ flexGrow: 1 }}
          />
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={() => decide('approve')}
            aria-label={`Approve ${gate.title}`}
          >
            Approve
          </Button>
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() => decide('reject')}
            aria-label={`Reject ${gate.title}`}
          >
            Reject
          </Button>
        </Box>
      )}
    </Box>
  );
};

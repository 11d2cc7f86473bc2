import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type {
  GateFailure,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import { GateFailureList } from './GateFailureList';

/** The backend refuses shorter justifications. */
export const MIN_JUSTIFICATION = 10;

/**
 * Asks why the release may skip its failed gates. The justification is kept
 * in the release's history and counts as an audit finding.
 */
export const OverrideDialog = ({
  to,
  failures,
  open,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  to: ReleaseStatus;
  failures: GateFailure[];
  open: boolean;
  busy: boolean;
  /** Why the last attempt was refused, shown where the user is looking. */
  error?: string;
  onCancel: () => void;
  onConfirm: (justification: string) => void;
}) => {
  const [justification, setJustification] = useState('');
  const valid = justification.trim().length >= MIN_JUSTIFICATION;
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="override-title">
      <DialogTitle id="override-title">
        Override gates and move to {to}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          These gates have not passed. Going ahead is recorded with your
          justification.
        </DialogContentText>
        <GateFailureList failures={failures} label="Gates to override" />
        <TextField
          id="override-justification"
          label="Justification"
          value={justification}
          onChange={e => setJustification(e.target.value)}
          helperText={`At least ${MIN_JUSTIFICATION} characters`}
          required
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
          margin="normal"
        />
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!valid || busy}
          onClick={() => onConfirm(justification.trim())}
        >
          Override and move to {to}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

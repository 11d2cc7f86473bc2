import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useState } from 'react';

/** "Delete", asking first: a deleted freeze stops blocking at once. */
export const DeleteFreezeWindowButton = ({
  title,
  onConfirm,
  disabled,
}: {
  title: string;
  onConfirm: () => void;
  disabled?: boolean;
}) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        color="secondary"
        onClick={() => setOpen(true)}
        disabled={disabled}
      >
        Delete
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="delete-freeze-title"
      >
        <DialogTitle id="delete-freeze-title">
          Delete freeze window "{title}"?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Releases in its occurrences will no longer be blocked or warned.
            This cannot be undone.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            Delete freeze window
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  SlotSearchRequest,
  SlotSearchResponse,
} from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { releaseManagementApiRef } from '../../api';
import { describeError } from '../shared/apiFailure';
import { formatInstant, formatWindow } from '../shared/formatTime';

type Slot = SlotSearchResponse['slots'][number];

/**
 * "Find free slots": the next windows of the wanted length without blocking
 * conflicts; picking one fills the planned window.
 */
export const SlotFinder = ({
  request,
  onPick,
}: {
  /** Undefined while the plan lacks a model or scope. */
  request: SlotSearchRequest | undefined;
  onPick: (slot: Slot) => void;
}) => {
  const api = useApi(releaseManagementApiRef);
  const [searched, setSearched] = useState(false);
  const [{ value, loading, error }, search] = useAsyncFn(async () => {
    setSearched(true);
    return api.findSlots(request!);
  }, [api, request]);

  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        onClick={search}
        disabled={!request || loading}
      >
        Find free slots
      </Button>
      {request && (
        <Typography variant="caption" color="textSecondary">
          {' '}
          {request.durationMinutes} minutes long, in {request.timeZone}
        </Typography>
      )}
      {error && <Alert severity="error">{describeError(error)}</Alert>}
      {searched && value && value.slots.length === 0 && (
        <Typography variant="body2">
          No free slot in the next {request?.days ?? 90} days.
        </Typography>
      )}
      {value && value.slots.length > 0 && (
        <List dense aria-label="Free slots">
          {value.slots.map(slot => {
            const label = formatInstant(slot.start, slot.timeZone);
            return (
              <ListItem key={slot.start} disableGutters>
                <ListItemText
                  primary={formatWindow(slot.start, slot.end, slot.timeZone)}
                  secondary={
                    slot.warnings.length > 0
                      ? `Warnings: ${slot.warnings
                          .map(w => w.message)
                          .join('; ')}`
                      : 'No conflicts'
                  }
                  // Shown in the zone being planned in; the viewer's own on hover.
                  title={`Your time: ${formatWindow(slot.start, slot.end)}`}
                />
                <Button
                  size="small"
                  color="primary"
                  onClick={() => onPick(slot)}
                >
                  Use slot {label}
                </Button>
              </ListItem>
            );
          })}
        </List>
      )}
    </>
  );
};

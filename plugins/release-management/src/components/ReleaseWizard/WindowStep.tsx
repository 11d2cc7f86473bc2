import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ConflictCheckRequest,
  SlotSearchRequest,
} from '@release-management/plugin-release-management-common';
import { ConflictList } from './ConflictList';
import { describeError } from '../shared/apiFailure';
import { SlotFinder } from './SlotFinder';
import { useConflictCheck } from './useConflictCheck';
import { plannedWindowOf, type WizardForm } from './wizardForm';
import { WindowFields } from '../shared/WindowFields';
import { instantToWallTime, wallTimeToInstant } from '../shared/zonedTime';

/** Slots are searched with the planned window's length, or two hours. */
const DEFAULT_SLOT_MINUTES = 120;

function durationMinutes(form: WizardForm): number {
  const start = wallTimeToInstant(form.start, form.timeZone);
  const end = wallTimeToInstant(form.end, form.timeZone);
  if (!start || !end || Date.parse(end) <= Date.parse(start)) {
    return DEFAULT_SLOT_MINUTES;
  }
  return Math.max(5, Math.round((Date.parse(end) - Date.parse(start)) / 60000));
}

const ConflictCheckResult = ({
  request,
}: {
  request: ConflictCheckRequest | undefined;
}) => {
  const check = useConflictCheck(request);
  if (check.status === 'idle') return null;
  if (check.status === 'checking') return <Progress />;
  if (check.status === 'failed') {
    return (
      <Alert severity="warning">
        Conflicts could not be checked: {describeError(check.error)}
      </Alert>
    );
  }
  if (check.result.conflicts.length === 0) {
    return <Alert severity="success">No conflicts in this window.</Alert>;
  }
  return (
    <>
      <Typography variant="subtitle2">
        {check.result.blocking
          ? 'This window has blocking conflicts: the release cannot be scheduled in it without an override.'
          : 'This window has warnings.'}
      </Typography>
      <ConflictList conflicts={check.result.conflicts} />
    </>
  );
};

/** Step 3: when the release happens, checked for conflicts as it is typed. */
export const WindowStep = ({
  form,
  onChange,
  releaseId,
}: {
  form: WizardForm;
  onChange: (change: Partial<WizardForm>) => void;
  /** The stored release being re-planned, left out of its own conflicts. */
  releaseId?: string;
}) => {
  const { window, problem } = plannedWindowOf(form);
  const scope = form.entities.map(e => e.ref);
  const planned = Boolean(form.model) && scope.length > 0;
  const conflictRequest: ConflictCheckRequest | undefined =
    planned && window
      ? {
          model: form.model,
          scope,
          window,
          ...(releaseId ? { releaseId } : {}),
        }
      : undefined;
  const slotRequest: SlotSearchRequest | undefined = planned
    ? {
        model: form.model,
        scope,
        durationMinutes: durationMinutes(form),
        timeZone: form.timeZone,
        ...(releaseId ? { releaseId } : {}),
      }
    : undefined;

  return (
    <Grid container spacing={2}>
      <WindowFields
        idPrefix="window"
        value={form}
        onChange={onChange}
        endProblem={problem}
      />
      <Grid item xs={12}>
        <Box aria-live="polite">
          <ConflictCheckResult request={conflictRequest} />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <SlotFinder
          request={slotRequest}
          onPick={slot =>
            onChange({
              start: instantToWallTime(slot.start, form.timeZone),
              end: instantToWallTime(slot.end, form.timeZone),
            })
          }
        />
      </Grid>
    </Grid>
  );
};

import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { TimeZoneSelect } from './TimeZoneSelect';

/** A window as typed: wall-clock times, read in the zone chosen beside them. */
export type WindowInput = { start: string; end: string; timeZone: string };

/**
 * The start, end and time zone of a window, as three items of the
 * caller's grid. The `datetime-local` inputs have no zone of their own;
 * the zone select beside them says which clock they are on.
 */
export const WindowFields = ({
  idPrefix,
  value,
  onChange,
  startHelperText,
  endProblem,
}: {
  /** Prefix of the inputs' ids: `<idPrefix>-start`, `-end`, `-time-zone`. */
  idPrefix: string;
  value: WindowInput;
  /** Must not depend on the render it came from (use functional updates). */
  onChange: (change: Partial<WindowInput>) => void;
  startHelperText?: string;
  /** What is wrong with the window, shown under the end. */
  endProblem?: string;
}) => (
  <>
    <Grid item xs={12} md={4}>
      <TextField
        id={`${idPrefix}-start`}
        label="Start"
        type="datetime-local"
        value={value.start}
        onChange={e => onChange({ start: e.target.value })}
        InputLabelProps={{ shrink: true }}
        helperText={startHelperText}
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
    <Grid item xs={12} md={4}>
      <TextField
        id={`${idPrefix}-end`}
        label="End"
        type="datetime-local"
        value={value.end}
        onChange={e => onChange({ end: e.target.value })}
        InputLabelProps={{ shrink: true }}
        error={Boolean(endProblem)}
        helperText={endProblem}
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
    <Grid item xs={12} md={4}>
      <TimeZoneSelect
        id={`${idPrefix}-time-zone`}
        value={value.timeZone}
        onChange={timeZone => onChange({ timeZone })}
      />
    </Grid>
  </>
);

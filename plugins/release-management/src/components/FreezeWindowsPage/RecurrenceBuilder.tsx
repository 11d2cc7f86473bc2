import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  WEEKDAY_NAMES,
  WEEKDAYS,
  type RecurrenceSpec,
  type Weekday,
} from './recurrence';

const UNITS: Record<string, string> = {
  daily: 'days',
  weekly: 'weeks',
  monthly: 'months',
};

/**
 * Builds the recurrence of a freeze window: how often, on which weekdays,
 * and until when. A monthly freeze repeats on the start's day of the month.
 */
export const RecurrenceBuilder = ({
  value,
  onChange,
}: {
  value: RecurrenceSpec;
  onChange: (spec: RecurrenceSpec) => void;
}) => {
  const change = (patch: Partial<RecurrenceSpec>) =>
    onChange({ ...value, ...patch });
  const repeating = value.frequency !== 'none' && value.frequency !== 'custom';

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} sm={4}>
        <TextField
          id="freeze-repeats"
          select
          label="Repeats"
          value={value.frequency}
          onChange={e =>
            change({
              frequency: e.target.value as RecurrenceSpec['frequency'],
            })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          fullWidth
          variant="outlined"
          margin="dense"
        >
          <option value="none">Does not repeat</option>
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
          {value.frequency === 'custom' && (
            <option value="custom">Custom rule</option>
          )}
        </TextField>
      </Grid>
      {repeating && (
        <Grid item xs={12} sm={4}>
          <TextField
            id="freeze-interval"
            label={`Every how many ${UNITS[value.frequency]}`}
            type="number"
            value={value.interval}
            onChange={e =>
              change({ interval: Math.max(1, Number(e.target.value) || 1) })
            }
            inputProps={{ min: 1, max: 999 }}
            fullWidth
            variant="outlined"
            margin="dense"
          />
        </Grid>
      )}
      {value.frequency === 'custom' && (
        <Grid item xs={12} sm={8}>
          <TextField
            id="freeze-custom-rule"
            label="Recurrence rule (RRULE)"
            value={value.custom}
            onChange={e => change({ custom: e.target.value })}
            helperText="RFC 5545 without DTSTART, e.g. FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1"
            fullWidth
            variant="outlined"
            margin="dense"
            inputProps={{ style: { fontFamily: 'monospace' } }}
          />
        </Grid>
      )}
      {value.frequency === 'weekly' && (
        <Grid item xs={12}>
          <ToggleButtonGroup
            value={value.weekdays}
            onChange={(_e, weekdays: Weekday[]) => change({ weekdays })}
            aria-label="Weekdays"
            size="small"
          >
            {WEEKDAYS.map(day => (
              <ToggleButton
                key={day}
                value={day}
                aria-label={WEEKDAY_NAMES[day]}
              >
                {WEEKDAY_NAMES[day].slice(0, 3)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Grid>
      )}
      {repeating && (
        <Grid item xs={12}>
          <FormControl component="fieldset">
            <FormLabel component="legend">Ends</FormLabel>
            <RadioGroup
              row
              value={value.ends}
              onChange={e =>
                change({ ends: e.target.value as RecurrenceSpec['ends'] })
              }
            >
              <FormControlLabel
                value="never"
                control={<Radio />}
                label="Never"
              />
              <FormControlLabel
                value="until"
                control={<Radio />}
                label="On a date"
              />
              <FormControlLabel
                value="count"
                control={<Radio />}
                label="After a number of occurrences"
              />
            </RadioGroup>
          </FormControl>
          {value.ends === 'until' && (
            <TextField
              id="freeze-until"
              label="Until"
              type="date"
              value={value.until}
              onChange={e => change({ until: e.target.value })}
              InputLabelProps={{ shrink: true }}
              variant="outlined"
              margin="dense"
            />
          )}
          {value.ends === 'count' && (
            <TextField
              id="freeze-count"
              label="Occurrences"
              type="number"
              value={value.count}
              onChange={e =>
                change({ count: Math.max(1, Number(e.target.value) || 1) })
              }
              inputProps={{ min: 1, max: 9999 }}
              variant="outlined"
              margin="dense"
            />
          )}
        </Grid>
      )}
    </Grid>
  );
};

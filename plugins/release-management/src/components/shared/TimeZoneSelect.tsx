import TextField from '@material-ui/core/TextField';
import { memo, useMemo } from 'react';
import { timeZoneOptions } from './zonedTime';

/*
 * A native select over the IANA time zones, labelled "Time zone". Native,
 * because four hundred entries are quicker to reach by typing in the
 * browser's own list than in a menu.
 */
const ZoneSelect = ({
  value,
  onChange,
  id = 'time-zone',
}: {
  value: string;
  /** Must not depend on the render it came from (use functional updates). */
  onChange: (zone: string) => void;
  id?: string;
}) => {
  const zones = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <TextField
      id={id}
      select
      label="Time zone"
      value={value}
      onChange={e => onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      margin="dense"
      fullWidth
    >
      {zones.map(zone => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </TextField>
  );
};

/**
 * Re-rendering four hundred options on every keystroke elsewhere in a form
 * is noticeably slow, so only a new value or id renders the select again.
 */
export const TimeZoneSelect = memo(
  ZoneSelect,
  (before, after) => before.value === after.value && before.id === after.id,
);

import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { WindowFields } from '../shared/WindowFields';
import {
  SCOPE_HINTS,
  SCOPE_TYPES,
  type FreezeForm,
  type ScopeType,
} from './freezeForm';

/** Title, reason, severity, times, zone and scope of a freeze window. */
export const FreezeWindowFields = ({
  form,
  onChange,
}: {
  form: FreezeForm;
  onChange: (change: Partial<FreezeForm>) => void;
}) => (
  <Grid container spacing={2}>
    <Grid item xs={12} md={8}>
      <TextField
        id="freeze-title"
        label="Title"
        value={form.title}
        onChange={e => onChange({ title: e.target.value })}
        fullWidth
        variant="outlined"
        margin="dense"
        inputProps={{ maxLength: 200, 'aria-required': true }}
      />
    </Grid>
    <Grid item xs={12} md={4}>
      <TextField
        id="freeze-severity"
        select
        label="Severity"
        value={form.severity}
        onChange={e =>
          onChange({ severity: e.target.value as FreezeForm['severity'] })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        fullWidth
        variant="outlined"
        margin="dense"
      >
        <option value="hard">Hard — releases are blocked</option>
        <option value="soft">Soft — releases are warned</option>
      </TextField>
    </Grid>
    <Grid item xs={12}>
      <TextField
        id="freeze-reason"
        label="Reason"
        value={form.reason}
        onChange={e => onChange({ reason: e.target.value })}
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
    <WindowFields
      idPrefix="freeze"
      value={form}
      onChange={onChange}
      startHelperText="The first (or only) occurrence"
    />
    <Grid item xs={12} md={4}>
      <TextField
        id="freeze-scope-type"
        select
        label="Scope"
        value={form.scopeType}
        onChange={e => onChange({ scopeType: e.target.value as ScopeType })}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        helperText="Domains and systems cover what is part of them"
        fullWidth
        variant="outlined"
        margin="dense"
      >
        {Object.entries(SCOPE_TYPES).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </TextField>
    </Grid>
    {form.scopeType !== 'all' && (
      <Grid item xs={12} md={8}>
        <TextField
          id="freeze-scope-values"
          label={SCOPE_TYPES[form.scopeType]}
          value={form.scopeValues}
          onChange={e => onChange({ scopeValues: e.target.value })}
          helperText={SCOPE_HINTS[form.scopeType]}
          multiline
          minRows={2}
          fullWidth
          variant="outlined"
          margin="dense"
        />
      </Grid>
    )}
  </Grid>
);

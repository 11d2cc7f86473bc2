import { Progress } from '@backstage/core-components';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ApplicableModel,
  ReleaseModel,
} from '@release-management/plugin-release-management-common';
import { describeError } from '../shared/apiFailure';
import type { WizardForm } from './wizardForm';

/** Why each entity calls for the model it does. */
const SuggestionReasons = ({
  applicable,
  suggested,
}: {
  applicable: ApplicableModel[];
  suggested?: string;
}) => (
  <>
    <Typography variant="subtitle2">
      {suggested
        ? `Suggested model: ${suggested}`
        : 'No model applies to these entities; choose one.'}
    </Typography>
    <List dense disablePadding aria-label="Why this model">
      {applicable.map(item => (
        <ListItem key={item.entityRef} disableGutters>
          <ListItemText
            primary={`${item.entityRef}: ${item.model ?? 'no model'}`}
            secondary={item.reason}
          />
        </ListItem>
      ))}
    </List>
  </>
);

/** Step 2: which release model, and what the release is called. */
export const ModelStep = ({
  form,
  onChange,
  models,
  suggestion,
  modelLocked,
}: {
  form: WizardForm;
  onChange: (change: Partial<WizardForm>) => void;
  models: ReleaseModel[];
  suggestion: {
    loading: boolean;
    error?: Error;
    value?: { applicable: ApplicableModel[]; suggested?: string };
  };
  /** A stored release keeps the model it was created with. */
  modelLocked: boolean;
}) => {
  let reasons: JSX.Element | null = null;
  if (suggestion.loading) {
    reasons = <Progress />;
  } else if (suggestion.error) {
    reasons = (
      <Alert severity="warning">
        The applicable model could not be found:{' '}
        {describeError(suggestion.error)}
      </Alert>
    );
  } else if (suggestion.value) {
    reasons = <SuggestionReasons {...suggestion.value} />;
  }

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        {reasons}
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="release-model"
          select
          label="Release model"
          value={form.model}
          onChange={e => onChange({ model: e.target.value })}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          helperText={
            modelLocked
              ? 'A release keeps the model it was created with.'
              : undefined
          }
          disabled={modelLocked}
          inputProps={{ 'aria-required': true }}
          fullWidth
          variant="outlined"
          margin="dense"
        >
          <option value="" disabled>
            Choose a model
          </option>
          {models.map(model => (
            <option key={model.name} value={model.name}>
              {model.title} ({model.name}) — {model.releaseType},{' '}
              {model.rolloutStrategy}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} md={6} />
      <Grid item xs={12} md={6}>
        <TextField
          id="release-title"
          label="Title"
          value={form.title}
          onChange={e => onChange({ title: e.target.value })}
          fullWidth
          variant="outlined"
          margin="dense"
          // Not `required`: MUI would add " *" to the accessible name.
          inputProps={{ maxLength: 200, 'aria-required': true }}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="release-version-label"
          label="Version label"
          value={form.versionLabel}
          onChange={e => onChange({ versionLabel: e.target.value })}
          fullWidth
          variant="outlined"
          margin="dense"
          inputProps={{ maxLength: 100, 'aria-required': true }}
        />
      </Grid>
      <Grid item xs={12}>
        <TextField
          id="release-notes"
          label="Release notes"
          value={form.notes}
          onChange={e => onChange({ notes: e.target.value })}
          helperText="Markdown"
          multiline
          minRows={4}
          fullWidth
          variant="outlined"
          margin="dense"
        />
      </Grid>
      <Grid item xs={12}>
        <FormControlLabel
          control={
            <Checkbox
              checked={form.restricted}
              onChange={e => onChange({ restricted: e.target.checked })}
              color="primary"
            />
          }
          label="Restricted: an embargoed change, such as a security fix"
        />
        <Typography variant="caption" color="textSecondary" component="p">
          Whom your permission policy keeps from restricted releases sees only
          that their window is busy.
        </Typography>
      </Grid>
    </Grid>
  );
};

import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import { useEntitySearch } from './useEntitySearch';
import type { EntityOption, WizardForm } from './wizardForm';

function optionLabel(option: EntityOption): string {
  return option.title ? `${option.title} (${option.ref})` : option.ref;
}

/** Step 1: the configuration items in scope and the version of each. */
export const EntitiesStep = ({
  form,
  onChange,
}: {
  form: WizardForm;
  onChange: (change: Partial<WizardForm>) => void;
}) => {
  const [term, setTerm] = useState('');
  const search = useEntitySearch(term);

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Autocomplete
          multiple
          id="release-entities"
          options={search.value ?? []}
          value={form.entities}
          loading={search.loading}
          // The catalog has filtered already; filtering again by label would
          // hide matches on the name when the title differs.
          filterOptions={options => options}
          getOptionLabel={optionLabel}
          getOptionSelected={(option, value) => option.ref === value.ref}
          onInputChange={(_event, value, reason) => {
            if (reason === 'input') setTerm(value);
          }}
          onChange={(_event, entities) => onChange({ entities })}
          noOptionsText={
            search.error
              ? `The catalog could not be searched: ${search.error.message}`
              : 'No matching components, resources, APIs or systems'
          }
          renderInput={params => (
            <TextField
              {...params}
              label="Entities"
              variant="outlined"
              placeholder="Search the catalog by name or title"
              helperText="Components, resources, APIs and systems this release changes"
            />
          )}
        />
      </Grid>
      {form.entities.length === 0 && (
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary">
            Pick the entities this release makes available, then give the
            version of each.
          </Typography>
        </Grid>
      )}
      {form.entities.map(entity => (
        <Grid item xs={12} md={6} key={entity.ref}>
          <TextField
            id={`version-${entity.ref}`}
            label={`Version of ${entity.ref}`}
            value={form.versions[entity.ref] ?? ''}
            onChange={e =>
              onChange({
                versions: { ...form.versions, [entity.ref]: e.target.value },
              })
            }
            fullWidth
            variant="outlined"
            margin="dense"
            // Not `required`: MUI would add " *" to the accessible name.
            inputProps={{ 'aria-required': true }}
          />
        </Grid>
      ))}
    </Grid>
  );
};

import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  RELEASE_STATUSES,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import {
  completeEntityRef,
  type CalendarFilterValues,
  type SeenValues,
} from './calendarQuery';

type Subject = 'system' | 'domain' | 'owner';

const SUBJECTS: { key: Subject; label: string; kind: string; hint: string }[] =
  [
    { key: 'system', label: 'System', kind: 'system', hint: 'e.g. checkout' },
    { key: 'domain', label: 'Domain', kind: 'domain', hint: 'e.g. commerce' },
    { key: 'owner', label: 'Owner', kind: 'group', hint: 'e.g. team-checkout' },
  ];

const OPTIONS: Record<Subject, keyof SeenValues> = {
  system: 'systems',
  domain: 'domains',
  owner: 'owners',
};

/**
 * The filters of the release calendar. System, domain and owner take an
 * entity ref (typed, or one seen on the calendar) and exclude each other,
 * since a calendar is about one of them; model and status take several.
 */
export const CalendarFilters = ({
  value,
  onChange,
  seen,
  subjects = true,
}: {
  value: CalendarFilterValues;
  onChange: (value: CalendarFilterValues) => void;
  seen: SeenValues;
  /** Whether to offer system, domain and owner (not on an entity's calendar). */
  subjects?: boolean;
}) => {
  const setSubject = (key: Subject, kind: string, text: string | null) =>
    onChange({
      ...value,
      system: undefined,
      domain: undefined,
      owner: undefined,
      [key]: completeEntityRef(text, kind),
    });

  return (
    <Grid container spacing={2} aria-label="Calendar filters" role="group">
      {subjects &&
        SUBJECTS.map(({ key, label, kind, hint }) => (
          <Grid item xs={12} sm={6} md={4} lg={2} key={key}>
            <Autocomplete
              freeSolo
              autoSelect
              size="small"
              options={seen[OPTIONS[key]]}
              value={value[key] ?? null}
              onChange={(_e, text) => setSubject(key, kind, text)}
              renderInput={params => (
                <TextField
                  {...params}
                  label={label}
                  placeholder={hint}
                  variant="outlined"
                />
              )}
            />
          </Grid>
        ))}
      <Grid item xs={12} sm={6} md={4} lg={subjects ? 3 : 6}>
        <Autocomplete
          multiple
          freeSolo
          autoSelect
          size="small"
          options={seen.models}
          value={value.model}
          onChange={(_e, models) =>
            onChange({
              ...value,
              model: [...new Set(models.map(m => m.trim()).filter(Boolean))],
            })
          }
          renderInput={params => (
            <TextField {...params} label="Model" variant="outlined" />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={4} lg={subjects ? 3 : 6}>
        <Autocomplete
          multiple
          size="small"
          options={[...RELEASE_STATUSES] as ReleaseStatus[]}
          value={value.status}
          onChange={(_e, status) => onChange({ ...value, status })}
          renderInput={params => (
            <TextField {...params} label="Status" variant="outlined" />
          )}
        />
      </Grid>
    </Grid>
  );
};

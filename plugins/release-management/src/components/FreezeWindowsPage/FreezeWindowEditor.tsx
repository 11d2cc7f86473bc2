import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { FreezeWindow } from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { releaseManagementApiRef } from '../../api';
import { freezeWindowsRouteRef } from '../../routes';
import { describeError } from '../shared/apiFailure';
import { browserTimeZone, wallTimeToInstant } from '../shared/zonedTime';
import { DeleteFreezeWindowButton } from './DeleteFreezeWindowButton';
import {
  emptyFreezeForm,
  formFromFreezeWindow,
  requestOf,
  type FormIssue,
  type FreezeForm,
} from './freezeForm';
import { FreezeWindowFields } from './FreezeWindowFields';
import { OccurrencePreview } from './OccurrencePreview';
import { noRecurrence, toRRule } from './recurrence';
import { RecurrenceBuilder } from './RecurrenceBuilder';

const Preview = ({ form }: { form: FreezeForm }) => {
  const start = wallTimeToInstant(form.start, form.timeZone);
  const end = wallTimeToInstant(form.end, form.timeZone);
  if (!start || !end || Date.parse(start) >= Date.parse(end)) {
    return (
      <Typography variant="body2" color="textSecondary">
        Give a start and an end to see the window in words and its next
        occurrences.
      </Typography>
    );
  }
  return (
    <OccurrencePreview
      window={{
        start,
        end,
        timeZone: form.timeZone,
        rrule: toRRule(form.recurrence),
      }}
    />
  );
};

const EditorForm = ({
  initial,
  stored,
}: {
  initial: FreezeForm;
  stored?: FreezeWindow;
}) => {
  const api = useApi(releaseManagementApiRef);
  const alertApi = useApi(alertApiRef);
  const listLink = useRouteRef(freezeWindowsRouteRef);
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const update = (change: Partial<FreezeForm>) =>
    setForm(previous => ({ ...previous, ...change }));

  const [saving, save] = useAsyncFn(async () => {
    const checked = requestOf(form);
    if ('issues' in checked) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    const saved = stored
      ? await api.updateFreezeWindow(
          stored.id,
          stored.revision,
          checked.request,
        )
      : await api.createFreezeWindow(checked.request);
    alertApi.post({
      message: `Freeze window "${saved.title}" ${stored ? 'saved' : 'created'}`,
      severity: 'success',
      display: 'transient',
    });
    navigate(listLink());
  }, [api, alertApi, form, stored, navigate, listLink]);

  const [deleting, remove] = useAsyncFn(async () => {
    await api.deleteFreezeWindow(stored!.id);
    alertApi.post({
      message: `Freeze window "${stored!.title}" deleted`,
      severity: 'success',
      display: 'transient',
    });
    navigate(listLink());
  }, [api, alertApi, stored, navigate, listLink]);

  const writeError = saving.error ?? deleting.error;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={7}>
        <InfoCard
          title={
            stored ? `Edit freeze window: ${stored.title}` : 'New freeze window'
          }
        >
          <FreezeWindowFields form={form} onChange={update} />
          <Box mt={2}>
            <Typography variant="h6" component="h3">
              Recurrence
            </Typography>
            <RecurrenceBuilder
              value={form.recurrence}
              onChange={recurrence => update({ recurrence })}
            />
          </Box>
          {issues.length > 0 && (
            <Box mt={2}>
              <Alert severity="error">
                <ul aria-label="Problems" style={{ margin: 0 }}>
                  {issues.map(issue => (
                    <li key={`${issue.path}-${issue.message}`}>
                      {issue.path ? `${issue.path}: ` : ''}
                      {issue.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            </Box>
          )}
          {writeError && (
            <Box mt={2}>
              <Alert severity="error">{describeError(writeError)}</Alert>
            </Box>
          )}
          <Box display="flex" mt={2} style={{ gap: 8 }}>
            <Button
              variant="contained"
              color="primary"
              onClick={save}
              disabled={saving.loading || deleting.loading}
            >
              {stored ? 'Save freeze window' : 'Create freeze window'}
            </Button>
            <Button component={RouterLink} to={listLink()}>
              Cancel
            </Button>
            <Box flexGrow={1} />
            {stored && (
              <DeleteFreezeWindowButton
                title={stored.title}
                onConfirm={remove}
                disabled={saving.loading || deleting.loading}
              />
            )}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard title="When it applies">
          <Preview form={form} />
        </InfoCard>
      </Grid>
    </Grid>
  );
};

const EditFreezeWindow = ({ id }: { id: string }) => {
  const api = useApi(releaseManagementApiRef);
  const stored = useAsync(() => api.getFreezeWindow(id), [api, id]);
  if (stored.loading) return <Progress />;
  if (stored.error) return <ResponseErrorPanel error={stored.error} />;
  return (
    <EditorForm
      initial={formFromFreezeWindow(stored.value!)}
      stored={stored.value}
    />
  );
};

/** Creates a freeze window at `/new`, edits or deletes one at `/:id`. */
export const FreezeWindowEditor = () => {
  const { id } = useParams();
  if (id) return <EditFreezeWindow id={id} />;
  return (
    <EditorForm initial={emptyFreezeForm(browserTimeZone(), noRecurrence())} />
  );
};

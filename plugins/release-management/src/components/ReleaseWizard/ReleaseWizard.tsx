import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Release } from '@release-management/plugin-release-management-common';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { releaseManagementApiRef } from '../../api';
import { releaseRouteRef } from '../../routes';
import { ConfirmStep } from './ConfirmStep';
import { describeError } from '../shared/apiFailure';
import { EntitiesStep } from './EntitiesStep';
import { ModelStep } from './ModelStep';
import { useModelSuggestion } from './useModelSuggestion';
import { WindowStep } from './WindowStep';
import {
  createRequestOf,
  emptyForm,
  formFromRelease,
  normalizeEntityRef,
  patchRequestOf,
  STEPS,
  stepProblem,
  type WizardForm,
} from './wizardForm';
import { browserTimeZone } from '../shared/zonedTime';

const WizardSteps = ({
  initial,
  release,
}: {
  initial: WizardForm;
  /** The stored release when editing one. */
  release?: Release;
}) => {
  const api = useApi(releaseManagementApiRef);
  const alertApi = useApi(alertApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const [step, setStep] = useState(0);
  // Once someone picks a model themselves, suggestions no longer replace it.
  const [modelChosen, setModelChosen] = useState(Boolean(release));
  const update = (change: Partial<WizardForm>) =>
    setForm(previous => ({ ...previous, ...change }));

  const models = useAsync(() => api.listModels(), [api]);
  const refs = useMemo(() => form.entities.map(e => e.ref), [form.entities]);
  const suggestion = useModelSuggestion(refs);
  const suggested = suggestion.value?.suggested;
  useEffect(() => {
    if (!modelChosen && suggested) {
      setForm(previous => ({ ...previous, model: suggested }));
    }
  }, [modelChosen, suggested]);

  const [saving, save] = useAsyncFn(async () => {
    const saved = release
      ? await api.updateRelease(
          release.id,
          patchRequestOf(form, release.revision),
        )
      : await api.createRelease(createRequestOf(form));
    alertApi.post({
      message: release
        ? `Release "${saved.title}" saved`
        : `Release "${saved.title}" created as a draft`,
      severity: 'success',
      display: 'transient',
    });
    navigate(releaseLink({ id: saved.id }));
    return saved;
  }, [api, alertApi, form, release, navigate, releaseLink]);

  if (models.loading) return <Progress />;
  if (models.error) return <ResponseErrorPanel error={models.error} />;

  const problem = stepProblem(step, form);
  const last = step === STEPS.length - 1;

  return (
    <InfoCard
      title={release ? `Edit release: ${release.title}` : 'New release'}
    >
      <Stepper activeStep={step} alternativeLabel>
        {STEPS.map(label => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box minHeight={240}>
        {step === 0 && <EntitiesStep form={form} onChange={update} />}
        {step === 1 && (
          <ModelStep
            form={form}
            onChange={change => {
              if (change.model !== undefined) setModelChosen(true);
              update(change);
            }}
            models={models.value ?? []}
            suggestion={suggestion}
            modelLocked={Boolean(release)}
          />
        )}
        {step === 2 && (
          <WindowStep form={form} onChange={update} releaseId={release?.id} />
        )}
        {step === 3 && <ConfirmStep form={form} />}
      </Box>
      {saving.error && (
        <Box mt={2}>
          <Alert severity="error">
            The release could not be saved: {describeError(saving.error)}
          </Alert>
        </Box>
      )}
      <Box display="flex" alignItems="center" mt={2} style={{ gap: 8 }}>
        <Button
          onClick={() => setStep(s => s - 1)}
          disabled={step === 0 || saving.loading}
        >
          Back
        </Button>
        {last ? (
          <Button
            variant="contained"
            color="primary"
            onClick={save}
            disabled={saving.loading}
          >
            {release ? 'Save release' : 'Create release'}
          </Button>
        ) : (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setStep(s => s + 1)}
            disabled={Boolean(problem)}
          >
            Next
          </Button>
        )}
        {problem && (
          <Typography variant="body2" color="textSecondary" role="status">
            {problem}
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
};

/** Loads the release being edited, then hands it to the steps. */
const EditReleaseWizard = ({ id }: { id: string }) => {
  const api = useApi(releaseManagementApiRef);
  const release = useAsync(() => api.getRelease(id), [api, id]);
  if (release.loading) return <Progress />;
  if (release.error) return <ResponseErrorPanel error={release.error} />;
  return (
    <WizardSteps
      initial={formFromRelease(release.value!, browserTimeZone())}
      release={release.value}
    />
  );
};

/**
 * The release wizard: entities → model → window → confirm. At
 * `releases/new` it creates a release (`?entityRef=` preselects an entity,
 * as entity pages link here); at `releases/:id/edit` it edits one.
 *
 * @public
 */
export const ReleaseWizard = () => {
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  if (id) return <EditReleaseWizard id={id} />;
  const initial = emptyForm(browserTimeZone());
  const preselected = normalizeEntityRef(searchParams.get('entityRef') ?? '');
  if (preselected) {
    initial.entities = [{ ref: preselected }];
  }
  return <WizardSteps initial={initial} />;
};

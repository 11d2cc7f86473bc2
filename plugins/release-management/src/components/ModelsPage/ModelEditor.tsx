import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type { ReleaseModel } from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { releaseManagementApiRef } from '../../api';
import { modelRouteRef } from '../../routes';
import { describeError } from '../shared/apiFailure';
import {
  checkModelChange,
  checkNewModel,
  definitionOf,
  NEW_MODEL_TEMPLATE,
  type ModelIssue,
} from './modelJson';

const JsonEditor = ({ stored }: { stored?: ReleaseModel }) => {
  const api = useApi(releaseManagementApiRef);
  const alertApi = useApi(alertApiRef);
  const modelLink = useRouteRef(modelRouteRef);
  const navigate = useNavigate();
  const [text, setText] = useState(() =>
    JSON.stringify(stored ? definitionOf(stored) : NEW_MODEL_TEMPLATE, null, 2),
  );
  const [issues, setIssues] = useState<ModelIssue[]>([]);

  const reject = (found: ModelIssue[]) => {
    setIssues(found);
    return undefined;
  };
  // Checked here with the backend's schema, so mistakes show up with their
  // place in the JSON before anything is sent.
  const send = async (): Promise<ReleaseModel | undefined> => {
    if (stored) {
      const checked = checkModelChange(text, stored.revision);
      if ('issues' in checked) return reject(checked.issues);
      setIssues([]);
      return api.updateModel(stored.name, checked.request);
    }
    const checked = checkNewModel(text);
    if ('issues' in checked) return reject(checked.issues);
    setIssues([]);
    return api.createModel(checked.request);
  };

  const [saving, save] = useAsyncFn(async () => {
    const saved = await send();
    if (!saved) return;
    alertApi.post({
      message: `Model "${saved.name}" ${
        stored ? `saved as revision ${saved.revision}` : 'created'
      }`,
      severity: 'success',
      display: 'transient',
    });
    navigate(modelLink({ name: saved.name }));
  }, [send, alertApi, stored, navigate, modelLink]);

  return (
    <InfoCard
      title={stored ? `Edit model: ${stored.name}` : 'New release model'}
      subheader={
        stored
          ? `A change makes revision ${
              stored.revision + 1
            }; releases keep the revision they started with.`
          : 'The model definition as JSON.'
      }
    >
      <TextField
        id="model-definition"
        label="Model definition (JSON)"
        value={text}
        onChange={e => setText(e.target.value)}
        multiline
        minRows={20}
        maxRows={40}
        fullWidth
        variant="outlined"
        inputProps={{
          spellCheck: false,
          style: { fontFamily: 'monospace', fontSize: 13 },
        }}
      />
      {issues.length > 0 && (
        <Box mt={2}>
          <Alert severity="error">
            <ul aria-label="Problems" style={{ margin: 0 }}>
              {issues.map(issue => (
                <li key={`${issue.path}-${issue.message}`}>
                  <code>{issue.path || '(model)'}</code>: {issue.message}
                </li>
              ))}
            </ul>
          </Alert>
        </Box>
      )}
      {saving.error && (
        <Box mt={2}>
          <Alert severity="error">
            The model could not be saved: {describeError(saving.error)}
          </Alert>
        </Box>
      )}
      <Box display="flex" mt={2} style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          onClick={save}
          disabled={saving.loading}
        >
          {stored ? 'Save model' : 'Create model'}
        </Button>
        <Button onClick={() => navigate(-1)}>Cancel</Button>
      </Box>
    </InfoCard>
  );
};

const EditModel = ({ name }: { name: string }) => {
  const api = useApi(releaseManagementApiRef);
  const model = useAsync(() => api.getModel(name), [api, name]);
  if (model.loading) return <Progress />;
  if (model.error) return <ResponseErrorPanel error={model.error} />;
  if (model.value!.source !== 'api' || model.value!.readOnly) {
    return (
      <WarningPanel
        title="This model is read-only"
        message="It is defined in app-config; change it there."
      />
    );
  }
  return <JsonEditor stored={model.value} />;
};

/** Creates a model at `/new`, edits an API-managed one at `/:name/edit`. */
export const ModelEditor = () => {
  const { name } = useParams();
  return name ? <EditModel name={name} /> : <JsonEditor />;
};

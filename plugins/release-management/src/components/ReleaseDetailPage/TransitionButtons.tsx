import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  Release,
  ReleaseModelDefinition,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { describeFailure } from '../shared/apiFailure';
import { GateFailureList } from './GateFailureList';
import { allowedTargets, canOverride, failuresByTarget } from './lifecycle';
import { OverrideDialog } from './OverrideDialog';
import type { ReleaseWrite } from './useReleaseWrite';

/**
 * One button per status the model lets the release move to, each with the
 * gates that block it, asked for beforehand so nobody has to click to find
 * out. When every blocking gate may be overridden, an override with a
 * justification is offered.
 */
export const TransitionButtons = ({
  release,
  model,
  write,
  busy,
}: {
  release: Release;
  model: Pick<ReleaseModelDefinition, 'stages' | 'transitions'>;
  write: ReleaseWrite;
  busy: boolean;
}) => {
  const api = useApi(releaseManagementApiRef);
  const { id, revision, status } = release;
  const targets = allowedTargets(model, status);
  // Fetched again for every revision: a ticked item or an approval opens gates.
  const pending = useAsync(
    async () => (targets.length ? api.getPendingGates(id) : []),
    [api, id, revision, targets.length],
  );
  const gates = failuresByTarget(pending.value ?? []);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [overriding, setOverriding] = useState<ReleaseStatus>();

  const move = async (to: ReleaseStatus, justification?: string) => {
    const failure = await write(
      rev =>
        api.transitionRelease(id, {
          to,
          revision: rev,
          ...(justification ? { override: { justification } } : {}),
        }),
      `Moved to ${to}`,
    );
    setRefusals(r => ({ ...r, [to]: failure?.message ?? '' }));
    if (!failure) setOverriding(undefined);
  };

  if (targets.length === 0) {
    return (
      <Typography variant="body2">
        A {status} release does not move on.
      </Typography>
    );
  }

  const overrideFailures = overriding ? gates.get(overriding) ?? [] : [];
  return (
    <Box display="flex" flexDirection="column" gridGap={12}>
      {pending.error && (
        <Alert severity="warning">
          The pending gates could not be loaded (
          {describeFailure(pending.error).message}); a refused move still says
          which gate blocks it.
        </Alert>
      )}
      {targets.map(to => {
        const failures = gates.get(to) ?? [];
        return (
          <Box key={to} display="flex" alignItems="flex-start" gridGap={16}>
            <Box
              display="flex"
              flexDirection="column"
              gridGap={8}
              minWidth={200}
            >
              <Button
                variant={failures.length ? 'outlined' : 'contained'}
                color="primary"
                disabled={busy}
                onClick={() => move(to)}
              >
                Move to {to}
              </Button>
              {canOverride(failures) && (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    setRefusals(r => ({ ...r, [to]: '' }));
                    setOverriding(to);
                  }}
                  aria-label={`Override gates to move to ${to}`}
                >
                  Override
                </Button>
              )}
            </Box>
            <Box flexGrow={1}>
              {failures.length > 0 && (
                <GateFailureList
                  failures={failures}
                  label={`Gates blocking the move to ${to}`}
                />
              )}
              {refusals[to] && (
                <Alert severity="error" role="alert">
                  {refusals[to]}
                </Alert>
              )}
            </Box>
          </Box>
        );
      })}
      {overriding && (
        <OverrideDialog
          open
          to={overriding}
          failures={overrideFailures}
          busy={busy}
          error={refusals[overriding]}
          onCancel={() => setOverriding(undefined)}
          onConfirm={justification => move(overriding, justification)}
        />
      )}
    </Box>
  );
};

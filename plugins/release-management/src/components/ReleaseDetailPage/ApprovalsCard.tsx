import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import { releaseManagementApiRef } from '../../api';
import { ApprovalGateItem } from './ApprovalGateItem';
import { DetailCard } from './DetailCard';
import { isOpen } from './lifecycle';
import type { ReleaseWrite } from './useReleaseWrite';

/** The approval gates of every stage of the model and the decisions on them. */
export const ApprovalsCard = ({
  release,
  model,
  write,
  busy,
}: {
  release: Release;
  model: Pick<ReleaseModelDefinition, 'stages'>;
  write: ReleaseWrite;
  busy: boolean;
}) => {
  const api = useApi(releaseManagementApiRef);
  const stages = model.stages.filter(s => s.approvals.length > 0);
  const editable = isOpen(release.status);

  return (
    <DetailCard title="Approvals">
      {stages.length === 0 && (
        <Typography variant="body2">
          The model {release.model.name} asks for no approvals.
        </Typography>
      )}
      {stages.map(stage => (
        <Box key={stage.key} component="section" mb={1}>
          <Typography variant="subtitle1" component="h4" gutterBottom>
            {stage.title}
          </Typography>
          {stage.approvals.map(gate => (
            <ApprovalGateItem
              key={gate.id}
              stageKey={stage.key}
              gate={gate}
              decisions={release.approvals.filter(
                a => a.stage === stage.key && a.gate === gate.id,
              )}
              editable={editable}
              busy={busy}
              onDecide={(decision, comment) =>
                write(
                  revision =>
                    api.decideApproval(release.id, {
                      stage: stage.key,
                      gate: gate.id,
                      decision,
                      ...(comment ? { comment } : {}),
                      revision,
                    }),
                  `${decision === 'approve' ? 'Approved' : 'Rejected'} "${
                    gate.title
                  }"`,
                )
              }
            />
          ))}
        </Box>
      ))}
    </DetailCard>
  );
};

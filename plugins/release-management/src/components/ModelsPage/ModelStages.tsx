import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  Approver,
  ReleaseStage,
} from '@release-management/plugin-release-management-common';

const CHECKS: Record<string, string> = {
  'scope-not-empty': 'the scope holds at least one entity',
  'planned-window-set': 'a planned window is set',
  'notes-written': 'release notes are written',
  'review-recorded': 'a review is recorded',
};

function approverInWords(from: Approver): string {
  if (from.type === 'group') return `members of ${from.group}`;
  if (from.type === 'release-manager') return 'the release manager';
  return 'owners of entities in scope';
}

const Stage = ({ stage, index }: { stage: ReleaseStage; index: number }) => (
  <Box component="li" mb={2}>
    <Typography variant="subtitle1" component="h3">
      {index + 1}. {stage.title}{' '}
      <Chip
        size="small"
        variant="outlined"
        label={`→ ${stage.completesWith}`}
      />
    </Typography>
    {stage.description && (
      <Typography variant="body2" color="textSecondary">
        {stage.description}
      </Typography>
    )}
    <Typography variant="body2" component="div">
      <strong>Checklist:</strong> {stage.checklist.length === 0 && 'none'}
      <ul aria-label={`Checklist of ${stage.title}`}>
        {stage.checklist.map(item => (
          <li key={item.id}>
            {item.title}
            {item.required === false ? ' (optional)' : ''}
          </li>
        ))}
      </ul>
      <strong>Approval gates:</strong> {stage.approvals.length === 0 && 'none'}
      <ul aria-label={`Approval gates of ${stage.title}`}>
        {stage.approvals.map(gate => (
          <li key={gate.id}>
            {gate.title}: {gate.count ?? 1} approval
            {(gate.count ?? 1) > 1 ? 's' : ''} from {approverInWords(gate.from)}
          </li>
        ))}
      </ul>
      <strong>Automatic checks:</strong>{' '}
      {stage.automaticChecks.length === 0
        ? 'none'
        : stage.automaticChecks.map(c => CHECKS[c] ?? c).join('; ')}
    </Typography>
  </Box>
);

/**
 * The stages of a model in order; each one's checklist, approvals and
 * automatic checks are the gate into the status it completes with.
 */
export const ModelStages = ({ stages }: { stages: ReleaseStage[] }) => (
  <InfoCard title="Stages">
    <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {stages.map((stage, i) => (
        <Stage key={stage.key} stage={stage} index={i} />
      ))}
    </Box>
  </InfoCard>
);

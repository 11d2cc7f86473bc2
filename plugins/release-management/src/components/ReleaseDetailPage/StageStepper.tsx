import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';

// Statuses that leave the standard path: the stage the release was in is
// marked as where it stopped.
const SIDE_EXITS = ['cancelled', 'failed', 'rolled-back'];

/**
 * The stages of the release's model, with the one it is in (the first whose
 * gate it has not passed) active and the earlier ones done.
 */
export const StageStepper = ({
  release,
  model,
}: {
  release: Release;
  model: Pick<ReleaseModelDefinition, 'stages'>;
}) => {
  const current = model.stages.findIndex(s => s.key === release.currentStage);
  // No current stage: closed (every stage done) or cancelled (none active).
  const active = current >= 0 ? current : model.stages.length;
  const stopped = SIDE_EXITS.includes(release.status);

  return (
    <Stepper activeStep={active} alternativeLabel style={{ padding: '16px 0' }}>
      {model.stages.map((stage, index) => (
        <Step key={stage.key} completed={index < active}>
          <StepLabel
            error={stopped && index === active}
            optional={
              <Typography variant="caption" color="textSecondary">
                {index === active
                  ? `current · ${release.status}`
                  : `until ${stage.completesWith}`}
              </Typography>
            }
          >
            {stage.title}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

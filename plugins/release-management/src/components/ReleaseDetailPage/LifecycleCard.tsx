import type {
  Release,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import { DetailCard } from './DetailCard';
import { StageStepper } from './StageStepper';
import { TransitionButtons } from './TransitionButtons';
import type { ReleaseWrite } from './useReleaseWrite';

/** Where the release stands in its model's stages, and where it may go next. */
export const LifecycleCard = (props: {
  release: Release;
  model: ReleaseModelDefinition;
  write: ReleaseWrite;
  busy: boolean;
}) => (
  <DetailCard title="Stages">
    <StageStepper release={props.release} model={props.model} />
    <TransitionButtons {...props} />
  </DetailCard>
);

import Chip from '@material-ui/core/Chip';
import type { ReleaseModel } from '@release-management/plugin-release-management-common';

/** Where a model is kept; models kept as code cannot be changed here. */
export const SourceBadge = ({ model }: { model: ReleaseModel }) =>
  model.source === 'config' || model.readOnly ? (
    <Chip
      size="small"
      variant="outlined"
      label="config — read-only"
      title="Defined in app-config; change it there"
    />
  ) : (
    <Chip size="small" label="api" />
  );

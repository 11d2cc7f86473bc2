import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import type {
  Release,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import { releaseManagementApiRef } from '../../api';
import { DetailCard } from './DetailCard';
import { formatInstant } from '../shared/formatTime';
import { isOpen } from './lifecycle';
import type { ReleaseWrite } from './useReleaseWrite';

/**
 * The checklist of every stage of the model, the current stage first, each
 * item ticked from the release's checklist state. Required items are part of
 * the stage's gate.
 */
export const ChecklistCard = ({
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
  const stages = model.stages.filter(s => s.checklist.length > 0);
  const ordered = [
    ...stages.filter(s => s.key === release.currentStage),
    ...stages.filter(s => s.key !== release.currentStage),
  ];
  const editable = isOpen(release.status);

  const toggle = (itemId: string, title: string, done: boolean) =>
    write(
      revision =>
        api.updateChecklistItem(release.id, itemId, { done, revision }),
      done ? `Ticked "${title}"` : `Unticked "${title}"`,
    );

  return (
    <DetailCard title="Checklist">
      {ordered.length === 0 && (
        <Typography variant="body2">
          The model {release.model.name} has no checklist items.
        </Typography>
      )}
      {ordered.map(stage => (
        <Box key={stage.key} mb={2} component="section">
          <Box display="flex" alignItems="center" gridGap={8}>
            <Typography variant="subtitle1" component="h4">
              {stage.title}
            </Typography>
            {stage.key === release.currentStage && (
              <Chip size="small" label="current stage" variant="outlined" />
            )}
          </Box>
          {stage.checklist.map(item => {
            const entry = release.checklist.find(c => c.itemId === item.id);
            const done = entry?.done ?? false;
            return (
              <Box key={item.id}>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={done}
                      color="primary"
                      disabled={!editable || busy}
                      onChange={(_e, checked) =>
                        toggle(item.id, item.title, checked)
                      }
                    />
                  }
                  label={
                    item.required ? item.title : `${item.title} (optional)`
                  }
                />
                {entry && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="p"
                    style={{ marginLeft: 32, marginTop: -8 }}
                  >
                    {done ? 'Ticked' : 'Unticked'} by {entry.by},{' '}
                    {formatInstant(entry.at)}
                    {entry.note ? ` · ${entry.note}` : ''}
                  </Typography>
                )}
              </Box>
            );
          })}
        </Box>
      ))}
    </DetailCard>
  );
};

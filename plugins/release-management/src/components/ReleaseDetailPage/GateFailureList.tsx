import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { GateFailure } from '@release-management/plugin-release-management-common';

const KINDS: Record<GateFailure['kind'], string> = {
  checklist: 'checklist item',
  approval: 'approval',
  'automatic-check': 'automatic check',
  conflict: 'conflict',
};

/** Which gates block a move, each named by stage, kind and id. */
export const GateFailureList = ({
  failures,
  label,
}: {
  failures: GateFailure[];
  label: string;
}) => (
  <List dense disablePadding aria-label={label}>
    {failures.map(f => (
      <ListItem key={`${f.stage}/${f.kind}/${f.id}`} disableGutters>
        <ListItemText
          primary={f.message}
          secondary={`Stage ${f.stage} · ${KINDS[f.kind]} ${f.id}${
            f.overridable === false ? ' · cannot be overridden' : ''
          }`}
        />
      </ListItem>
    ))}
  </List>
);

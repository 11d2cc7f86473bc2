import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { Conflict } from '@release-management/plugin-release-management-common';

/**
 * The conflicts of a planned window, blocking ones first and in red: they
 * keep the release from being scheduled unless someone overrides them.
 */
export const ConflictList = ({
  conflicts,
  label = 'Conflicts',
}: {
  conflicts: Conflict[];
  label?: string;
}) => {
  const theme = useTheme();
  const ordered = [...conflicts].sort(
    (a, b) =>
      Number(b.severity === 'blocking') - Number(a.severity === 'blocking'),
  );
  return (
    <List dense disablePadding aria-label={label}>
      {ordered.map((conflict, i) => {
        const blocking = conflict.severity === 'blocking';
        return (
          <ListItem key={`${conflict.kind}-${i}`} disableGutters divider>
            <ListItemText
              primary={
                <Typography
                  variant="body2"
                  style={{
                    color: blocking ? theme.palette.error.main : undefined,
                    // Messages hold long entity refs; wrap them at 1280 px.
                    whiteSpace: 'normal',
                    overflowWrap: 'anywhere',
                  }}
                >
                  <strong>{blocking ? 'Blocking' : 'Warning'}</strong>
                  {`: ${conflict.message}`}
                </Typography>
              }
              secondary={[
                conflict.kind,
                conflict.other?.type === 'restricted-release'
                  ? 'restricted release'
                  : conflict.other?.title,
                conflict.overridable && blocking ? 'can be overridden' : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  type WindowTimes,
  nextOccurrences,
} from '@release-management/plugin-release-management-common';
import { formatWindow } from '../shared/formatTime';
import { ruleInWords } from './ruleInWords';

/**
 * The window in words and its next five occurrences, computed here so
 * that they follow unsaved edits. Shown in the window's zone, in which it
 * was written; the viewer's own time on hover.
 */
export const OccurrencePreview = ({
  window,
  now = new Date(),
}: {
  window: WindowTimes;
  now?: Date;
}) => {
  let occurrences;
  let words;
  try {
    words = ruleInWords(window);
    // The backend's own expansion.
    occurrences = nextOccurrences(window, now.toISOString(), 5);
  } catch (e) {
    return (
      <Alert severity="error">
        The recurrence rule cannot be read: {(e as Error).message}
      </Alert>
    );
  }
  return (
    <>
      <Typography variant="subtitle1" aria-label="Rule in words">
        {words}
      </Typography>
      {window.rrule && (
        <Typography
          variant="caption"
          color="textSecondary"
          style={{ fontFamily: 'monospace' }}
        >
          RRULE:{window.rrule}
        </Typography>
      )}
      {occurrences.length === 0 ? (
        <Typography variant="body2">No occurrences from now on.</Typography>
      ) : (
        <List dense aria-label="Next occurrences">
          {occurrences.map(o => (
            <ListItem key={o.start} disableGutters>
              <ListItemText
                primary={formatWindow(o.start, o.end, window.timeZone)}
                title={`Your time: ${formatWindow(o.start, o.end)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
};

import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import {
  type WindowTimes,
  nextOccurrences,
} from '@release-management/plugin-release-management-common';
import { ruleInWords } from './ruleInWords';

const FORMAT = 'ccc d LLL yyyy, HH:mm';

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
    // The backend's own expansion, in the window's zone.
    occurrences = nextOccurrences(window, now.toISOString(), 5).map(o => ({
      start: DateTime.fromISO(o.start, { zone: window.timeZone }),
      end: DateTime.fromISO(o.end, { zone: window.timeZone }),
    }));
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
            <ListItem key={o.start.toMillis()} disableGutters>
              <ListItemText
                primary={`${o.start.toFormat(FORMAT)} – ${o.end.toFormat(
                  FORMAT,
                )}`}
                title={`Your time: ${o.start
                  .setZone(DateTime.local().zone)
                  .toFormat(FORMAT)} – ${o.end
                  .setZone(DateTime.local().zone)
                  .toFormat(FORMAT)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
};

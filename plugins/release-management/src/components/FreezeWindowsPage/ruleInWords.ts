import type { WindowTimes } from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';
import { formatWindow } from '../shared/formatTime';
import { endInWords, repetitionInWords } from './recurrence';

/**
 * A freeze window in words, in its own zone: "every Friday 16:00–Monday
 * 08:00 Europe/Berlin", "every day 22:00–06:00 UTC, 10 times", or for a
 * one-off window "Fri, Dec 20, 2030, 16:00 – Mon, Dec 23, 2030, 08:00 UTC".
 */
export function ruleInWords(window: WindowTimes): string {
  const start = DateTime.fromISO(window.start, { zone: window.timeZone });
  const end = DateTime.fromISO(window.end, { zone: window.timeZone });
  if (!start.isValid || !end.isValid) return '';
  if (!window.rrule) {
    return formatWindow(window.start, window.end, window.timeZone);
  }
  const days = end.startOf('day').diff(start.startOf('day'), 'days').days;
  let endText = end.toFormat('HH:mm');
  // Name the end's weekday when it is not the start's day; a daily rule's
  // overnight window reads better as "22:00–06:00 the next day".
  if (days === 1 && /FREQ=DAILY/i.test(window.rrule)) {
    endText = `${endText} the next day`;
  } else if (days >= 1 && days < 7) {
    endText = `${end.toFormat('cccc')} ${endText}`;
  } else if (days >= 7) {
    endText = `${endText} ${days} days later`;
  }
  const ending = endInWords(window.rrule);
  return `${repetitionInWords(window.rrule)} ${start.toFormat(
    'HH:mm',
  )}–${endText} ${window.timeZone}${ending ? `, ${ending}` : ''}`;
}

import { DateTime } from 'luxon';
import { Frequency } from 'rrule';
import { recurrenceTooSparse, type WindowTimes } from './occurrences';
import { parseRecurrenceRule } from './recurrenceRule';
import { hourlyRuleUnreachable } from './ruleIteration';

/**
 * What an installation allows of repeating windows beyond the RRULE
 * grammar. Hourly rules multiply the work of every calendar and conflict
 * check by 24 and are rarely what a freeze means, so they are refused
 * unless the installation allows them.
 *
 * @public
 */
export type RecurrencePolicy = { allowHourly: boolean };

/**
 * Why a repeating window cannot be saved, or undefined when it can: the
 * rule is not an RRULE, repeats hourly where that is not allowed, or
 * occurs too rarely to be expanded within the bound on work.
 *
 * @public
 */
export function recurrenceProblem(
  window: WindowTimes,
  policy: RecurrencePolicy,
): string | undefined {
  if (!window.rrule) return undefined;
  let options;
  try {
    options = parseRecurrenceRule(window.rrule);
  } catch (error) {
    return (error as Error).message;
  }
  if (options.freq === Frequency.HOURLY && !policy.allowHourly) {
    return `"${window.rrule}" repeats hourly; rules finer than daily are refused unless releaseManagement.recurrence.allowHourly is true`;
  }
  const start = DateTime.fromISO(window.start, { zone: window.timeZone });
  if (
    start.isValid &&
    hourlyRuleUnreachable(options, new Date(Date.UTC(2000, 0, 1, start.hour)))
  ) {
    return `"${window.rrule}" never occurs: every ${
      options.interval ?? 1
    } hours from ${start.toFormat('HH:mm')} never reaches the hours in BYHOUR`;
  }
  return recurrenceTooSparse(window);
}

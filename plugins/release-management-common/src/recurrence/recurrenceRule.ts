import { RRule } from 'rrule';

const DAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
const int = (digits: number) => `[+-]?\\d{1,${digits}}`;

// The rrule library accepts junk silently (BYDAY=XX) or loops forever on it
// (INTERVAL=abc), so every part is checked against the RFC 5545 grammar
// first. Sub-hourly frequencies make no sense for freezes and are refused.
const PARTS: Record<string, RegExp> = {
  FREQ: /^(?:YEARLY|MONTHLY|WEEKLY|DAILY|HOURLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(?:T\d{6}Z?)?$/,
  BYDAY: list(`(?:[+-]?\\d{1,2})?${DAY}`),
  BYMONTH: list('\\d{1,2}'),
  BYMONTHDAY: list(int(2)),
  BYYEARDAY: list(int(3)),
  BYWEEKNO: list(int(2)),
  BYHOUR: list('\\d{1,2}'),
  BYMINUTE: list('\\d{1,2}'),
  BYSECOND: list('\\d{1,2}'),
  BYSETPOS: list(int(3)),
  WKST: new RegExp(`^${DAY}$`),
};

const RANGES: Record<string, [number, number]> = {
  BYMONTH: [1, 12],
  BYMONTHDAY: [-31, 31],
  BYYEARDAY: [-366, 366],
  BYWEEKNO: [-53, 53],
  BYHOUR: [0, 23],
  BYMINUTE: [0, 59],
  BYSECOND: [0, 59],
  BYSETPOS: [-366, 366],
};

/**
 * Parses an RFC 5545 RRULE (without DTSTART). Throws an Error with a
 * readable message when it is not one.
 *
 * @public
 */
export function parseRecurrenceRule(
  rrule: string,
): ReturnType<typeof RRule.parseString> {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const [key, value, extra] = part.split('=');
    const name = key?.toUpperCase();
    if (name === 'DTSTART') {
      throw new Error(
        `"${rrule}" must not contain DTSTART; the window's start is the first occurrence`,
      );
    }
    const pattern = PARTS[name];
    if (!pattern || value === undefined || extra !== undefined) {
      throw new Error(
        `"${rrule}" is not a valid RRULE: unknown part "${part}"`,
      );
    }
    if (seen.has(name)) {
      throw new Error(`"${rrule}" is not a valid RRULE: ${name} appears twice`);
    }
    seen.add(name);
    if (!pattern.test(value.toUpperCase())) {
      throw new Error(
        `"${rrule}" is not a valid RRULE: bad value in "${part}"`,
      );
    }
    const range = RANGES[name];
    if (range) {
      for (const n of value.split(',').map(Number)) {
        if (n < range[0] || n > range[1] || (range[0] < 0 && n === 0)) {
          throw new Error(
            `"${rrule}" is not a valid RRULE: ${name} values must be within ${range[0]}..${range[1]}`,
          );
        }
      }
    }
  }
  if (!seen.has('FREQ')) {
    throw new Error(`"${rrule}" is not a valid RRULE: FREQ is missing`);
  }
  if (seen.has('COUNT') && seen.has('UNTIL')) {
    throw new Error(
      `"${rrule}" is not a valid RRULE: COUNT and UNTIL cannot both be set`,
    );
  }
  return RRule.parseString(body.toUpperCase());
}

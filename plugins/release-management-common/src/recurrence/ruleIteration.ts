import { Frequency, RRule, type Options } from 'rrule';

/**
 * How many of rrule's steps one expansion of a window may take: rrule
 * looks at every day of each period (and at each period once more when it
 * starts it), so this is about 20,000 days for daily and coarser rules
 * (some 54 years of a yearly one) and as many hours for an hourly rule. A
 * rule that matches nothing (a DAILY rule on 30 February) would otherwise
 * make rrule visit every day up to the year 9999 — seconds of a busy
 * event loop for every request that looks at it.
 *
 * @public
 */
export const MAX_PERIODS_PER_EXPANSION = 20_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A rule with the same occurrences as `options` from `from` (floating
 * time) on, whose DTSTART has been moved forward by whole periods so that
 * iterating it starts near `from` instead of at the window's first
 * occurrence: a daily freeze asked about in the year 3000 is not walked
 * day by day from 2026. What rrule would take from DTSTART (the weekday of
 * a weekly rule, the day of a monthly one, the time of day) is written out
 * first, so moving DTSTART changes nothing else. Rules with COUNT are
 * counted from their first occurrence and stay where they are (COUNT is at
 * most 9999).
 */
export function ruleFrom(
  options: Partial<Options>,
  dtstart: Date,
  from: number,
): RRule {
  const start = dtstart.getTime();
  if (options.count || from <= start) {
    return new RRule({ ...options, dtstart });
  }
  const d = dtstart;
  const explicit: Partial<Options> = { ...options };
  const freq = options.freq ?? Frequency.YEARLY;
  const dayFree =
    !has(options.byweekno) &&
    !has(options.byyearday) &&
    !has(options.bymonthday) &&
    !has(options.byweekday);
  if (dayFree) {
    if (freq === Frequency.YEARLY) {
      explicit.bymonth = has(options.bymonth)
        ? options.bymonth
        : d.getUTCMonth() + 1;
      explicit.bymonthday = d.getUTCDate();
    } else if (freq === Frequency.MONTHLY) {
      explicit.bymonthday = d.getUTCDate();
    } else if (freq === Frequency.WEEKLY) {
      explicit.byweekday = (d.getUTCDay() + 6) % 7;
    }
  }
  if (freq < Frequency.HOURLY && !has(options.byhour)) {
    explicit.byhour = d.getUTCHours();
  }
  if (!has(options.byminute)) explicit.byminute = d.getUTCMinutes();
  if (!has(options.bysecond)) explicit.bysecond = d.getUTCSeconds();

  const interval = options.interval ?? 1;
  const shifted = periodStart(freq, interval, options, d, from);
  if (shifted <= start) return new RRule({ ...options, dtstart });
  return new RRule({ ...explicit, dtstart: new Date(shifted) });
}

function has(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return Array.isArray(value) ? value.length > 0 : true;
}

/**
 * The start of the period, counted in whole intervals from `d`'s, that is
 * one interval before the one holding `from`: all occurrences from `from`
 * on lie at or after it.
 */
function periodStart(
  freq: Frequency,
  interval: number,
  options: Partial<Options>,
  d: Date,
  from: number,
): number {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const f = new Date(from);
  const steps = (units: number) =>
    Math.max(0, Math.floor(units / interval) - 1);
  switch (freq) {
    case Frequency.YEARLY: {
      const k = steps(f.getUTCFullYear() - y);
      return Date.UTC(y + k * interval, 0, 1);
    }
    case Frequency.MONTHLY: {
      const k = steps((f.getUTCFullYear() - y) * 12 + f.getUTCMonth() - m);
      return Date.UTC(y, m + k * interval, 1);
    }
    case Frequency.WEEKLY: {
      // Weeks begin on WKST (Monday by default), as rrule counts them.
      const wkst = weekStartDay(options.wkst);
      const day = Date.UTC(y, m, d.getUTCDate());
      const back = (new Date(day).getUTCDay() - wkst + 7) % 7;
      const week = day - back * DAY;
      const k = steps(Math.floor((from - week) / (7 * DAY)));
      return week + k * interval * 7 * DAY;
    }
    case Frequency.DAILY: {
      const day = Date.UTC(y, m, d.getUTCDate());
      return day + steps(Math.floor((from - day) / DAY)) * interval * DAY;
    }
    case Frequency.HOURLY: {
      const hour = Math.floor(d.getTime() / HOUR) * HOUR;
      return hour + steps(Math.floor((from - hour) / HOUR)) * interval * HOUR;
    }
    default:
      return d.getTime();
  }
}

/** WKST as a JavaScript weekday (0 = Sunday). */
function weekStartDay(wkst: Options['wkst'] | undefined): number {
  if (wkst === null || wkst === undefined) return 1;
  const n = typeof wkst === 'number' ? wkst : wkst.weekday;
  return (n + 1) % 7;
}

/**
 * Makes `rule` stop after visiting `maxPeriods` periods, whether or not
 * they held occurrences, and tells whether it had to. rrule has no such
 * limit of its own and loops until the year 9999 on a rule that matches
 * nothing; it rebuilds its period information from the rule's options
 * once per period, reading `byeaster`, and ends its loop when `interval`
 * is 0, so counting those reads and setting `interval` to 0 bounds it.
 * `ruleIteration.test.ts` checks this against the installed rrule, so an
 * upgrade that changes it fails the suite rather than a production request.
 */
export function boundPeriods(
  rule: RRule,
  maxPeriods: number,
): { exhausted: () => boolean } {
  const options = rule.options as Options & Record<string, unknown>;
  const byeaster = options.byeaster;
  let periods = 0;
  Object.defineProperty(options, 'byeaster', {
    configurable: true,
    enumerable: true,
    get() {
      periods += 1;
      if (periods > maxPeriods) options.interval = 0;
      return byeaster;
    },
  });
  return { exhausted: () => periods > maxPeriods };
}

/**
 * Whether an hourly rule can never reach any of its BYHOUR hours: rrule
 * steps an hourly rule INTERVAL hours at a time inside one loop of its own
 * until the hour is in BYHOUR, and never leaves that loop when none is
 * (FREQ=HOURLY;INTERVAL=3;BYHOUR=23 from 21:00 visits 21, 0, 3, … 18, 21).
 * The hours it can reach are those congruent to DTSTART's hour modulo
 * gcd(INTERVAL, 24), so this is decided before rrule is asked.
 */
export function hourlyRuleUnreachable(
  options: Partial<Options>,
  dtstart: Date,
): boolean {
  if (options.freq !== Frequency.HOURLY || !has(options.byhour)) return false;
  const hours = ([] as number[]).concat(options.byhour as number | number[]);
  const step = gcd(options.interval ?? 1, 24);
  const residue = dtstart.getUTCHours() % step;
  return !hours.some(hour => hour % step === residue);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

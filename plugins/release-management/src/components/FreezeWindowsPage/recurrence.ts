import { RRule } from 'rrule';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

/**
 * A recurrence as the builder edits it. `custom` keeps a stored rule the
 * builder cannot show (BYSETPOS, yearly, …) as text, so editing a window
 * never rewrites its rule behind the person's back.
 */
export interface RecurrenceSpec {
  frequency: 'none' | 'daily' | 'weekly' | 'monthly' | 'custom';
  interval: number;
  weekdays: Weekday[];
  ends: 'never' | 'until' | 'count';
  /** Last day, `yyyy-MM-dd`, in the window's zone. */
  until: string;
  count: number;
  /** The rule as typed, for `custom`. */
  custom: string;
}

export function noRecurrence(): RecurrenceSpec {
  return {
    frequency: 'none',
    interval: 1,
    weekdays: [],
    ends: 'never',
    until: '',
    count: 10,
    custom: '',
  };
}

const FREQUENCIES = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY' };

/**
 * The RRULE of a spec in the backend's strict RFC 5545 grammar, without
 * DTSTART (the window's start is the first occurrence); undefined for a
 * one-off window. UNTIL carries no `Z`: the backend expands rules in the
 * window's wall-clock time, so the last day is the last day in that zone.
 */
export function toRRule(spec: RecurrenceSpec): string | undefined {
  if (spec.frequency === 'none') return undefined;
  if (spec.frequency === 'custom') {
    return spec.custom.trim().replace(/^RRULE:/i, '') || undefined;
  }
  const parts = [`FREQ=${FREQUENCIES[spec.frequency]}`];
  if (spec.interval > 1) parts.push(`INTERVAL=${Math.floor(spec.interval)}`);
  if (spec.frequency === 'weekly' && spec.weekdays.length > 0) {
    const days = WEEKDAYS.filter(day => spec.weekdays.includes(day));
    parts.push(`BYDAY=${days.join(',')}`);
  }
  if (spec.ends === 'until' && /^\d{4}-\d{2}-\d{2}$/.test(spec.until)) {
    parts.push(`UNTIL=${spec.until.replace(/-/g, '')}T235959`);
  }
  if (spec.ends === 'count' && spec.count >= 1) {
    parts.push(`COUNT=${Math.floor(spec.count)}`);
  }
  return parts.join(';');
}

/** The builder's view of a stored rule; `custom` when it does not fit. */
export function fromRRule(rrule: string | undefined): RecurrenceSpec {
  const spec = noRecurrence();
  if (!rrule) return spec;
  const custom = { ...spec, frequency: 'custom' as const, custom: rrule };
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map(part => part.split('=') as [string, string]),
  );
  const frequency = Object.entries(FREQUENCIES).find(
    ([, value]) => value === parts.get('FREQ'),
  )?.[0] as 'daily' | 'weekly' | 'monthly' | undefined;
  const known = ['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT'];
  if (!frequency || [...parts.keys()].some(key => !known.includes(key))) {
    return custom;
  }
  const weekdays = (parts.get('BYDAY')?.split(',') ?? []) as Weekday[];
  if (
    (frequency !== 'weekly' && parts.has('BYDAY')) ||
    weekdays.some(day => !WEEKDAYS.includes(day))
  ) {
    return custom;
  }
  const until = parts.get('UNTIL')?.match(/^(\d{4})(\d{2})(\d{2})/);
  if (parts.has('UNTIL') && !until) return custom;
  let ends: RecurrenceSpec['ends'] = 'never';
  if (until) ends = 'until';
  else if (parts.has('COUNT')) ends = 'count';
  return {
    ...spec,
    frequency,
    interval: Number(parts.get('INTERVAL') ?? 1),
    weekdays,
    ends,
    until: until ? `${until[1]}-${until[2]}-${until[3]}` : '',
    count: Number(parts.get('COUNT') ?? spec.count),
  };
}

/**
 * The repetition in words ("every Friday", "every 2 weeks on Monday"),
 * leaving out how it ends so that the time of day can follow it.
 */
export function repetitionInWords(rrule: string): string {
  const options = RRule.parseString(rrule.replace(/^RRULE:/i, ''));
  const text = new RRule({
    ...options,
    until: undefined,
    count: undefined,
  }).toText();
  // "every week on Friday" reads better as "every Friday".
  return text.replace(/^every week on /, 'every ');
}

/** How the repetition ends, in words, or '' when it does not. */
export function endInWords(rrule: string): string {
  const options = RRule.parseString(rrule.replace(/^RRULE:/i, ''));
  if (options.count) {
    return options.count === 1 ? 'once' : `${options.count} times`;
  }
  if (options.until) {
    const until = options.until;
    return `until ${until.getUTCFullYear()}-${String(
      until.getUTCMonth() + 1,
    ).padStart(2, '0')}-${String(until.getUTCDate()).padStart(2, '0')}`;
  }
  return '';
}

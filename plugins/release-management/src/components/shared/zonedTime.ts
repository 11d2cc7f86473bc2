import { DateTime } from 'luxon';

/** The format of an `<input type="datetime-local">` value. */
const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/**
 * An ISO instant for a `datetime-local` value read as wall-clock time in
 * `zone`, or undefined when the value is empty or not a date-time. The
 * input has no zone of its own, so the zone chosen beside it decides.
 */
export function wallTimeToInstant(
  wallTime: string,
  zone: string,
): string | undefined {
  if (!wallTime) return undefined;
  const instant = DateTime.fromISO(wallTime, { zone });
  if (!instant.isValid) return undefined;
  return instant.toUTC().toISO({ suppressMilliseconds: false }) ?? undefined;
}

/** The `datetime-local` value showing `instant` as wall-clock time in `zone`. */
export function instantToWallTime(instant: string, zone: string): string {
  const time = DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  return time.isValid ? time.toFormat(WALL_FORMAT) : '';
}

/** The viewer's own time zone, the default for new plans. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The IANA zones the browser knows, with UTC and `current` included so
 * that a stored window's zone is always selectable.
 */
export function timeZoneOptions(current?: string): string[] {
  const supported =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : [];
  const zones = new Set(supported);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

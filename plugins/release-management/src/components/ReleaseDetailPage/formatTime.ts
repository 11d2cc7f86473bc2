import { DateTime } from 'luxon';

/**
 * An instant in the viewer's own time zone, e.g. "Jan 7, 2030, 9:00 AM".
 * `zone` shows it in another zone instead (the zone a window was planned in).
 */
export function formatInstant(iso: string, zone?: string): string {
  const time = DateTime.fromISO(iso, { zone: zone ?? 'local' });
  if (!time.isValid) return iso;
  return time.toLocaleString(DateTime.DATETIME_MED);
}

/**
 * A window as the viewer reads it; with `zone`, as it was planned, followed
 * by the zone's name so the reader knows which clock it is on.
 */
export function formatWindow(
  window: { start: string; end: string },
  zone?: string,
): string {
  const start = DateTime.fromISO(window.start, { zone: zone ?? 'local' });
  const end = DateTime.fromISO(window.end, { zone: zone ?? 'local' });
  const sameDay = start.hasSame(end, 'day');
  const text = `${start.toLocaleString(DateTime.DATETIME_MED)} – ${
    sameDay
      ? end.toLocaleString(DateTime.TIME_SIMPLE)
      : end.toLocaleString(DateTime.DATETIME_MED)
  }`;
  return zone ? `${text} (${zone})` : text;
}

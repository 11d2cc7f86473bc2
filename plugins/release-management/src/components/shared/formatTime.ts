import { DateTime } from 'luxon';

// One way of writing times across the plugin: the viewer's locale for
// names and order, a 24-hour clock (release windows are read next to
// schedules and freezes, where "09:00" is the norm), the weekday because
// people plan by it.
const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
};
const TIME: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

function inZone(instant: string, zone?: string): DateTime {
  const time = DateTime.fromISO(instant, { setZone: true });
  return zone ? time.setZone(zone) : time.toLocal();
}

/**
 * An instant as the viewer reads it, e.g. "Mon, Jan 7, 2030, 09:00", in
 * `zone` (the viewer's by default). Text that is not an instant is shown
 * as it is.
 */
export function formatInstant(instant: string, zone?: string): string {
  const time = inZone(instant, zone);
  return time.isValid ? time.toLocaleString({ ...DAY, ...TIME }) : instant;
}

/**
 * A window, e.g. "Mon, Jan 7, 2030, 09:00 – 11:00", with the end's date
 * too when it ends on another day. In the viewer's zone by default; with
 * `zone`, in that zone (the one it was planned in) followed by its name so
 * that the reader knows which clock it is on.
 */
export function formatWindow(
  start: string,
  end: string,
  zone?: string,
): string {
  const s = inZone(start, zone);
  const e = inZone(end, zone);
  if (!s.isValid || !e.isValid) return `${start} – ${end}`;
  const endText = s.hasSame(e, 'day')
    ? e.toLocaleString(TIME)
    : e.toLocaleString({ ...DAY, ...TIME });
  const text = `${s.toLocaleString({ ...DAY, ...TIME })} – ${endText}`;
  return zone ? `${text} ${zone}` : text;
}

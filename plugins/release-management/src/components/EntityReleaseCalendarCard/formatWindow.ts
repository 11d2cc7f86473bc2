/**
 * A window as the viewer reads it, in their locale and time zone:
 * "Mon, 30 Nov, 09:00 – 11:00", or with both dates when it spans days.
 */
export function formatWindow(
  start: string,
  end: string,
  locale?: string,
  timeZone?: string,
): string {
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const s = new Date(start);
  const e = new Date(end);
  if (day.format(s) === day.format(e)) {
    return `${day.format(s)}, ${time.format(s)} – ${time.format(e)}`;
  }
  return `${day.format(s)}, ${time.format(s)} – ${day.format(e)}, ${time.format(
    e,
  )}`;
}

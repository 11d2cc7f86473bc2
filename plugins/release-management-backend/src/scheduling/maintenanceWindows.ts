import {
  type ReleaseModelDefinition,
  expandOccurrences,
  MAX_OCCURRENCES_PER_WINDOW,
} from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';

/** Expansions of maintenance windows kept at most. */
const MAINTENANCE_CACHE_LIMIT = 1000;
const DAY_MS = 86_400_000;
// Expanding a rule with luxon costs far more than the rest of a calendar;
// every calendar of an entity and every check against a model with
// maintenance windows needs one. An expansion depends only on the window
// and its first occurrence (the day before `from`), so one expansion over
// a few weeks answers every range inside it.
const maintenanceExpansions = new Map<string, MaintenanceExpansion>();

type MaintenanceExpansion = {
  from: number;
  to: number;
  items: Array<{ start: string; end: string }>;
  /** The items' instants, parsed once: every calendar filters them. */
  starts: Float64Array;
  ends: Float64Array;
};

/** Occurrences of a model's maintenance window in a range. */
export function maintenanceOccurrences(
  window: ReleaseModelDefinition['schedulingPolicy']['maintenanceWindows'][number],
  from: string,
  to: string,
): Array<{ start: string; end: string }> {
  // The rule's first occurrence: the start time on the day `from` falls on,
  // in the window's zone; the RRULE then picks the days.
  const [hour, minute] = window.startTime.split(':').map(Number);
  const anchor = new Date(Date.parse(from) - DAY_MS);
  const day = dayFormat(window.timeZone).format(anchor);
  const first = `${day}T${String(hour).padStart(2, '0')}:${String(
    minute,
  ).padStart(2, '0')}:00`;
  const rangeFrom = Date.parse(from);
  const rangeTo = Date.parse(to);
  const inRange = ({ items, starts, ends }: MaintenanceExpansion) =>
    items.filter((_, k) => starts[k] < rangeTo && ends[k] > rangeFrom);

  const key = `${first}|${windowKey(window)}`;
  const cached = maintenanceExpansions.get(key);
  if (cached && cached.from <= rangeFrom && rangeTo <= cached.to) {
    return inRange(cached);
  }
  const spanTo = Math.max(rangeTo, rangeFrom + 35 * DAY_MS);
  const start = zonedIso(first, window.timeZone);
  const items = expandOccurrences(
    {
      start,
      end: new Date(
        Date.parse(start) + window.durationMinutes * 60_000,
      ).toISOString(),
      timeZone: window.timeZone,
      rrule: window.rrule,
    },
    from,
    new Date(spanTo).toISOString(),
  );
  const expansion = {
    from: rangeFrom,
    to: spanTo,
    items,
    starts: Float64Array.from(items, o => Date.parse(o.start)),
    ends: Float64Array.from(items, o => Date.parse(o.end)),
  };
  // A capped expansion is not the whole span: keep only complete ones.
  if (items.length < MAX_OCCURRENCES_PER_WINDOW) {
    if (maintenanceExpansions.size >= MAINTENANCE_CACHE_LIMIT) {
      maintenanceExpansions.delete(maintenanceExpansions.keys().next().value!);
    }
    maintenanceExpansions.set(key, expansion);
  }
  return inRange(expansion);
}

// Models are read from a cache, so the same window object comes back on
// every calendar: describe it once rather than on every call.
const windowKeys = new WeakMap<object, string>();
function windowKey(window: object): string {
  let key = windowKeys.get(window);
  if (key === undefined) {
    key = JSON.stringify(window);
    windowKeys.set(window, key);
  }
  return key;
}

// Building an Intl.DateTimeFormat is costly; one per zone is enough.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** A wall-clock time in a zone as an instant. */
function zonedIso(local: string, zone: string): string {
  return DateTime.fromISO(local, { zone }).toUTC().toISO()!;
}

import { DateTime } from 'luxon';
import type { FreezeEvent, ReleaseEvent } from './calendarEvents';

/** A release placed on the timeline: day columns (inclusive) and a lane. */
export type TimelineBar<T> = {
  event: T;
  firstDay: number;
  lastDay: number;
  lane: number;
};

/** One system of the timeline, or the releases of no known system. */
export type TimelineRow = {
  /** The system's entity ref; `null` for releases of no known system. */
  system: string | null;
  bars: TimelineBar<ReleaseEvent>[];
  lanes: number;
};

/** The days (local midnights) of a timeline starting at `start`. */
export function timelineDays(start: Date, end: Date): DateTime[] {
  const first = DateTime.fromJSDate(start).startOf('day');
  const last = DateTime.fromJSDate(end).startOf('day');
  const days: DateTime[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) days.push(d);
  return days;
}

/** The day columns an event touches, clipped to the timeline; the end is exclusive. */
function columns(
  days: DateTime[],
  start: Date,
  end: Date,
): { firstDay: number; lastDay: number } | undefined {
  const origin = days[0];
  const index = (d: DateTime) =>
    Math.round(d.startOf('day').diff(origin, 'days').days);
  const s = index(DateTime.fromJSDate(start));
  // A window ending at midnight does not touch the next day.
  const e = index(DateTime.fromJSDate(end).minus({ milliseconds: 1 }));
  if (e < 0 || s > days.length - 1) return undefined;
  return {
    firstDay: Math.max(0, s),
    lastDay: Math.min(days.length - 1, Math.max(s, e)),
  };
}

/** Bars in lanes so that bars sharing a day never overlap. */
export function inLanes<T extends { start: Date; end: Date }>(
  days: DateTime[],
  events: T[],
): { bars: TimelineBar<T>[]; lanes: number } {
  const placed = events
    .map(event => ({ event, cols: columns(days, event.start, event.end) }))
    .filter(p => p.cols !== undefined)
    .sort(
      (a, b) =>
        a.cols!.firstDay - b.cols!.firstDay ||
        b.cols!.lastDay - a.cols!.lastDay,
    );
  const laneEnds: number[] = [];
  const bars = placed.map(({ event, cols }) => {
    let lane = laneEnds.findIndex(lastDay => lastDay < cols!.firstDay);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(cols!.lastDay);
    } else {
      laneEnds[lane] = cols!.lastDay;
    }
    return { event, lane, ...cols! };
  });
  return { bars, lanes: Math.max(1, laneEnds.length) };
}

/**
 * The timeline's rows: one per system that a release touches, a release
 * shown in each of its systems, systems in name order, and the releases
 * whose scope has no known system last.
 */
export function timelineRows(
  days: DateTime[],
  releases: ReleaseEvent[],
  systemsOf: (release: ReleaseEvent) => string[],
): TimelineRow[] {
  const bySystem = new Map<string | null, ReleaseEvent[]>();
  for (const release of releases) {
    const systems = systemsOf(release);
    for (const system of systems.length > 0 ? systems : [null]) {
      const list = bySystem.get(system) ?? [];
      list.push(release);
      bySystem.set(system, list);
    }
  }
  return [...bySystem.entries()]
    .sort(([a], [b]) => {
      if (a === null) return 1;
      if (b === null) return -1;
      return a.localeCompare(b);
    })
    .map(([system, events]) => ({ system, ...inLanes(days, events) }));
}

/**
 * Whether a freeze covers a system's row: freezes of everything do, and
 * freezes scoped to systems do for those systems. Other scopes (domains,
 * owners, tags, entities) are shown in the freezes row only, since the
 * timeline does not know which systems they reach.
 */
export function freezeCoversSystem(
  freeze: FreezeEvent,
  system: string | null,
): boolean {
  const scope = freeze.freeze.scope;
  if (scope.type === 'all') return true;
  return (
    system !== null && scope.type === 'systems' && scope.refs.includes(system)
  );
}

/** The freeze of a day in a row, hard before soft; undefined when none. */
export function freezeOnDay(
  day: DateTime,
  freezes: FreezeEvent[],
  system: string | null,
): FreezeEvent['freeze']['severity'] | undefined {
  const start = day.toMillis();
  const end = day.plus({ days: 1 }).toMillis();
  let found: FreezeEvent['freeze']['severity'] | undefined;
  for (const f of freezes) {
    if (f.start.getTime() >= end || f.end.getTime() <= start) continue;
    if (!freezeCoversSystem(f, system)) continue;
    if (f.freeze.severity === 'hard') return 'hard';
    found = 'soft';
  }
  return found;
}

/** "checkout" for `system:default/checkout`, "ops/db" in another namespace. */
export function systemName(ref: string | null): string {
  if (ref === null) return 'No system';
  const match = /^system:([^/]+)\/(.+)$/.exec(ref);
  if (!match) return ref;
  return match[1] === 'default' ? match[2] : `${match[1]}/${match[2]}`;
}

import {
  expandOccurrences,
  type FreezeWindowDefinition,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';
import type { DemoRelease } from './demoData';

/** The entity whose calendar shows a release of every status. */
export const SHOWCASE_ENTITY = 'component:default/cart-service';

type Slot = { start: DateTime; end: DateTime };

/** How a status is reached, and when its window must lie. */
type Showcase = {
  status: ReleaseStatus;
  title: string;
  path: ReleaseStatus[];
  /** Reached after its window: the window must have passed. */
  past: boolean;
  /** Scheduled on the way: the window must be clear of freezes. */
  clear: boolean;
};

const toScheduled: ReleaseStatus[] = ['planned', 'scheduled'];
const toRunning: ReleaseStatus[] = [...toScheduled, 'in-progress'];

// Future statuses soonest first, past ones latest first.
const SHOWCASES: Showcase[] = [
  {
    status: 'scheduled',
    title: 'Cart expiry reminder',
    path: toScheduled,
    past: false,
    clear: true,
  },
  {
    status: 'planned',
    title: 'Saved-for-later list',
    path: ['planned'],
    past: false,
    clear: false,
  },
  {
    status: 'cancelled',
    title: 'Cart coupon stacking',
    path: ['planned', 'cancelled'],
    past: false,
    clear: false,
  },
  {
    status: 'draft',
    title: 'Cart currency display',
    path: [],
    past: false,
    clear: false,
  },
  {
    status: 'deployed',
    title: 'Cart cache warm-up',
    path: [...toRunning, 'deployed'],
    past: true,
    clear: true,
  },
  {
    status: 'failed',
    title: 'Cart merge on sign-in',
    path: [...toRunning, 'failed'],
    past: true,
    clear: true,
  },
  {
    status: 'verified',
    title: 'Cart line-item limits',
    path: [...toRunning, 'deployed', 'verified'],
    past: true,
    clear: true,
  },
  {
    status: 'rolled-back',
    title: 'Cart price rounding',
    path: [...toRunning, 'rolled-back'],
    past: true,
    clear: true,
  },
  {
    status: 'closed',
    title: 'Cart API pagination',
    path: [...toRunning, 'deployed', 'verified', 'closed'],
    past: true,
    clear: true,
  },
];

const RUNNING: Showcase = {
  status: 'in-progress',
  title: 'Cart checkout handoff',
  path: toRunning,
  past: false,
  clear: true,
};

function overlaps(slot: Slot, freezes: Slot[]): boolean {
  return freezes.some(f => f.start < slot.end && f.end > slot.start);
}

/**
 * The freeze occurrences of `freezes` that touch `month`, so that releases
 * to be scheduled stay out of them.
 */
function freezeSlots(freezes: FreezeWindowDefinition[], month: Slot): Slot[] {
  return freezes.flatMap(f =>
    expandOccurrences(f, month.start.toISO()!, month.end.toISO()!).map(o => ({
      start: DateTime.fromISO(o.start),
      end: DateTime.fromISO(o.end),
    })),
  );
}

/**
 * Windows of a few minutes between the month's start and the running
 * release, for the
 * first hours of a month, when no whole afternoon has passed yet.
 */
function slices(from: DateTime, to: DateTime, count: number): Slot[] {
  const span = to.diff(from).milliseconds;
  if (span <= 0) return [];
  const length = Math.min(3_600_000, span / (2 * count));
  return Array.from({ length: count }, (_, i) => {
    const start = from.plus({ milliseconds: (span * i) / count });
    return { start, end: start.plus({ milliseconds: length }) };
  }).reverse();
}

/**
 * One release of every status on the showcase entity, all inside the
 * month of `now` in `zone`, so that the entity's month calendar shows every
 * status whatever the date: past statuses on afternoons that have passed,
 * future ones on afternoons to come, the running one around `now`. Windows
 * that must be scheduled keep out of `freezes`; when the month has no room
 * left on the right side (its last evening, its first hours) a status takes
 * the other side, as an overdue or early release would.
 */
export function statusShowcase(
  now: DateTime,
  zone: string,
  freezes: FreezeWindowDefinition[],
): DemoRelease[] {
  const local = now.setZone(zone);
  const month = { start: local.startOf('month'), end: local.endOf('month') };
  const frozen = freezeSlots(freezes, month);
  const afternoons: Slot[] = [];
  for (let day = month.start; day < month.end; day = day.plus({ days: 1 })) {
    const start = day.set({ hour: 13 });
    afternoons.push({ start, end: start.plus({ minutes: 45 }) });
  }
  const past = afternoons.filter(s => s.end < local).reverse();
  const future = afternoons.filter(s => s.start > local);
  const taken = new Set<Slot>();
  const take = (candidates: Slot[], clear: boolean) => {
    const slot = candidates.find(
      s => !taken.has(s) && (!clear || !overlaps(s, frozen)),
    );
    if (slot) taken.add(slot);
    return slot;
  };

  const placed: { showcase: Showcase; slot: Slot }[] = [];
  const running = {
    start: local.minus({ minutes: 30 }),
    end: local.plus({ minutes: 30 }),
  };
  const pastNeeded = SHOWCASES.filter(s => s.past).length + 1;
  const clearPast = past.filter(s => !overlaps(s, frozen));
  const pastSlots =
    clearPast.length >= pastNeeded
      ? past
      : [...past, ...slices(month.start, running.start, pastNeeded)];
  for (const showcase of SHOWCASES) {
    const slot = showcase.past
      ? take(pastSlots, true)
      : take(future, showcase.clear) ?? take(pastSlots, showcase.clear);
    if (slot) placed.push({ showcase, slot });
  }
  const runningSlot = overlaps(running, frozen)
    ? take(pastSlots, true)
    : running;
  if (runningSlot) placed.push({ showcase: RUNNING, slot: runningSlot });

  return placed.map(({ showcase, slot }, i) => ({
    request: {
      model: 'standard',
      title: showcase.title,
      versionLabel: `cart 4.1.${i + 1}`,
      notes: `Shows a ${showcase.status} release on the calendar.`,
      scope: [{ entityRef: SHOWCASE_ENTITY, version: `4.1.${i + 1}` }],
      plannedWindow: {
        start: slot.start.toUTC().toISO()!,
        end: slot.end.toUTC().toISO()!,
        timeZone: zone,
      },
      phases: [],
    },
    path: showcase.path,
    review:
      showcase.status === 'closed'
        ? {
            outcome: 'successful',
            incidentCount: 0,
            incidentLinks: [],
            lessons: 'Went as planned.',
          }
        : undefined,
  }));
}

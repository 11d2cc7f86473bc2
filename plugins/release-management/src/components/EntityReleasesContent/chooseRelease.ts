import type {
  Release,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';

// Releases still to happen (or happening): the "next" one is among these.
const UPCOMING: ReleaseStatus[] = [
  'draft',
  'planned',
  'scheduled',
  'in-progress',
];

const plannedStart = (r: Release) =>
  r.plannedWindow ? Date.parse(r.plannedWindow.start) : undefined;

/** When a release happened or was meant to, for finding the last one. */
const when = (r: Release) =>
  Date.parse(r.actualStart ?? r.plannedWindow?.start ?? r.createdAt);

/**
 * The release whose impact an entity page shows: the next one (the
 * earliest planned of those still to happen, unplanned ones after), or
 * else the last one that happened. Undefined when there is none.
 */
export function chooseRelease(
  releases: Release[],
): { release: Release; which: 'next' | 'last' } | undefined {
  const upcoming = releases
    .filter(r => UPCOMING.includes(r.status))
    .sort(
      (a, b) =>
        (plannedStart(a) ?? Infinity) - (plannedStart(b) ?? Infinity) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt),
    );
  if (upcoming.length > 0) return { release: upcoming[0], which: 'next' };
  const past = [...releases].sort((a, b) => when(b) - when(a));
  if (past.length > 0) return { release: past[0], which: 'last' };
  return undefined;
}

/** Newest first: the order of an entity's release history. */
export function newestFirst(releases: Release[]): Release[] {
  return [...releases].sort((a, b) => when(b) - when(a));
}

import type { ReleaseStatus } from '@release-management/plugin-release-management-common';

/** What coverage looks at of a release. */
export type CoverageCandidate = {
  id: string;
  title: string;
  status: ReleaseStatus;
  plannedWindow: { start: string; end: string } | null;
  actualStart: string | null;
  actualEnd: string | null;
  scope: Array<{ entityRef: string; version: string }>;
};

/** A deployment, or a planned one, as coverage sees it. */
export type CoverageTarget = { entityRef: string; version: string; at: string };

/**
 * Releases a deployment is linked to: those that were approved and went
 * ahead. A deployment reported late (after the release moved on to
 * deployed, or failed) still belongs to it.
 */
export const LINKABLE_STATUSES: ReleaseStatus[] = [
  'in-progress',
  'scheduled',
  'deployed',
  'verified',
  'failed',
  'rolled-back',
];

/**
 * Versions compare without a leading `v`: pipelines tag `v4.2.0` where
 * release notes say `4.2.0`.
 */
export function sameVersion(a: string, b: string): boolean {
  const bare = (v: string) => v.trim().replace(/^v(?=\d)/i, '');
  return bare(a) === bare(b);
}

/**
 * Whether the release's time covers an instant: its planned window
 * (half-open), or, once it has started, from its actual start until its
 * actual end (open while it runs), since releases do overrun.
 */
export function timeCovers(release: CoverageCandidate, at: string): boolean {
  const t = Date.parse(at);
  const w = release.plannedWindow;
  if (w && Date.parse(w.start) <= t && t < Date.parse(w.end)) return true;
  if (release.actualStart && Date.parse(release.actualStart) <= t) {
    if (release.actualEnd) return t <= Date.parse(release.actualEnd);
    return release.status === 'in-progress';
  }
  return false;
}

/** The scope item of the release for the target's entity, if any. */
export function scopeItemOf(
  release: CoverageCandidate,
  entityRef: string,
): { entityRef: string; version: string } | undefined {
  return release.scope.find(s => s.entityRef === entityRef);
}

/** Whether a release covers the target: entity and version in scope, time in its window. */
export function covers(
  release: CoverageCandidate,
  target: CoverageTarget,
): boolean {
  const item = scopeItemOf(release, target.entityRef);
  return (
    item !== undefined &&
    sameVersion(item.version, target.version) &&
    timeCovers(release, target.at)
  );
}

/**
 * The release among `candidates` in one of `statuses` that covers the
 * target; when several do, the one that got furthest (in the order of
 * `statuses`), then the one planned first.
 */
export function coveringRelease<T extends CoverageCandidate>(
  candidates: T[],
  target: CoverageTarget,
  statuses: ReleaseStatus[],
): T | undefined {
  return candidates
    .filter(r => statuses.includes(r.status) && covers(r, target))
    .sort(
      (a, b) =>
        statuses.indexOf(a.status) - statuses.indexOf(b.status) ||
        (a.plannedWindow?.start ?? '').localeCompare(
          b.plannedWindow?.start ?? '',
        ) ||
        a.id.localeCompare(b.id),
    )[0];
}

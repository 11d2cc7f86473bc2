import {
  type FreezeOccurrence,
  type FreezeWindow,
  expandOccurrences,
} from '@release-management/plugin-release-management-common';

// The expansion of one window (RRULEs in floating time, DST, the bound on
// occurrences) lives in the common package, so that the frontend previews
// exactly the occurrences the backend computes.

/**
 * Occurrences of many windows in a range, sorted by start. A window whose
 * stored rule no longer parses is left out rather than failing the others.
 */
export function expandFreezeWindows(
  windows: FreezeWindow[],
  from: string,
  to: string,
): FreezeOccurrence[] {
  return windows
    .flatMap(window =>
      safeExpand(window, from, to).map(occurrence => ({
        freezeWindowId: window.id,
        title: window.title,
        severity: window.severity,
        timeZone: window.timeZone,
        scope: window.scope,
        ...occurrence,
      })),
    )
    .sort((a, b) => a.start.localeCompare(b.start));
}

function safeExpand(window: FreezeWindow, from: string, to: string) {
  try {
    return expandOccurrences(window, from, to);
  } catch {
    return [];
  }
}

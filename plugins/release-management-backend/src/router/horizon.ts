import { InputError } from '@backstage/errors';
import { INSTANT_HORIZON_YEARS } from '@release-management/plugin-release-management-common';

const YEAR_MS = 365.25 * 86_400_000;

// The fields of requests that carry instants. Every such instant must lie
// within the horizon, so that no request can make the backend compute
// calendars, recurrences or slots centuries away.
const INSTANT_FIELDS = new Set([
  'from',
  'to',
  'at',
  'start',
  'end',
  'startedAt',
  'finishedAt',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
]);

/**
 * The first instant field of `value` (a parsed request, walked to a small
 * depth) that lies more than INSTANT_HORIZON_YEARS from `now`, with its
 * path; undefined when there is none.
 */
export function instantOutsideHorizon(
  value: unknown,
  now: number,
  path: string[] = [],
): { path: string; value: string } | undefined {
  if (path.length > 6 || value === null || typeof value !== 'object') {
    return undefined;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const at = [...path, key];
    if (typeof item === 'string' && INSTANT_FIELDS.has(key)) {
      const instant = Date.parse(item);
      if (
        !Number.isNaN(instant) &&
        Math.abs(instant - now) > INSTANT_HORIZON_YEARS * YEAR_MS
      ) {
        return { path: at.join('.'), value: item };
      }
    } else if (typeof item === 'object') {
      const found = instantOutsideHorizon(item, now, at);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws InputError (400) when a request names an instant beyond the horizon. */
export function assertWithinHorizon(
  value: unknown,
  what: string,
  now: number,
): void {
  const found = instantOutsideHorizon(value, now);
  if (found) {
    throw new InputError(
      `Invalid ${what}: ${found.path}: ${found.value} is more than ${INSTANT_HORIZON_YEARS} years from now; the API accepts instants within ${INSTANT_HORIZON_YEARS} years either side of the present`,
    );
  }
}

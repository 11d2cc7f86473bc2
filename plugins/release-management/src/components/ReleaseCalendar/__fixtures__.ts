import { DateTime } from 'luxon';
import type {
  CalendarDeployment,
  CalendarRelease,
  CalendarResponse,
} from '@release-management/plugin-release-management-common';

/** A deployment as a calendar answer gives it, for tests. */
export function aCalendarDeployment(
  overrides: Partial<CalendarDeployment> = {},
): CalendarDeployment {
  return {
    id: 'd1',
    entityRef: 'component:default/cart-service',
    environment: 'production',
    production: true,
    version: '4.2.0',
    status: 'succeeded',
    startedAt: '2030-01-07T08:10:00.000Z',
    finishedAt: '2030-01-07T08:40:00.000Z',
    pipelineUrl: 'https://ci.example.com/runs/42',
    releaseId: 'r1',
    ...overrides,
  };
}

/** A release as a calendar answer gives it, for tests. */
export function aCalendarRelease(
  overrides: Partial<CalendarRelease> = {},
): CalendarRelease {
  return {
    id: 'r1',
    title: 'Basket sharing',
    versionLabel: 'cart 4.2',
    status: 'scheduled',
    model: 'normal',
    releaseManager: 'user:default/radia.perlman',
    plannedWindow: {
      start: '2030-01-07T08:00:00.000Z',
      end: '2030-01-07T10:00:00.000Z',
      timeZone: 'Europe/Oslo',
    },
    scope: ['component:default/cart-service'],
    reason: 'all',
    ...overrides,
  };
}

/** A freeze occurrence as a calendar answer gives it, for tests. */
export function aCalendarFreeze(
  overrides: Partial<CalendarResponse['freezes'][number]> = {},
): CalendarResponse['freezes'][number] {
  return {
    freezeWindowId: 'f1',
    title: 'Year-end trading',
    severity: 'hard',
    start: '2030-01-09T00:00:00.000Z',
    end: '2030-01-11T00:00:00.000Z',
    timeZone: 'Europe/Oslo',
    scope: { type: 'all' },
    reason: 'all',
    explanation: 'applies to everything',
    ...overrides,
  };
}

/**
 * A day inside the fixtures' month, to open calendars on: noon on
 * 15 January in the zone the tests run in, so the day is the 15th anywhere.
 */
export const JANUARY_2030 = DateTime.fromISO('2030-01-15T12:00:00').toJSDate();

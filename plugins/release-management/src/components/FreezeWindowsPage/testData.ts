import type { FreezeWindow } from '@release-management/plugin-release-management-common';

/** A freeze window as the API returns it, for component tests. */
export function aFreezeWindow(
  overrides: Partial<FreezeWindow> = {},
): FreezeWindow {
  return {
    id: 'f1',
    title: 'Weekend freeze',
    reason: 'Nobody on call at weekends',
    severity: 'hard',
    start: '2031-03-21T15:00:00.000Z',
    end: '2031-03-24T07:00:00.000Z',
    timeZone: 'Europe/Berlin',
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    scope: { type: 'systems', refs: ['system:default/checkout'] },
    revision: 4,
    createdBy: 'user:default/radia.perlman',
    createdAt: '2029-12-01T00:00:00.000Z',
    updatedAt: '2029-12-01T00:00:00.000Z',
    ...overrides,
  };
}

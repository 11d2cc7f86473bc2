import { expandFreezeWindows } from './freezeOccurrences';

describe('expandFreezeWindows', () => {
  it('merges the occurrences of several windows in start order', () => {
    const base = {
      reason: '',
      scope: { type: 'all' as const },
      revision: 1,
      createdBy: 'user:default/a',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      timeZone: 'UTC',
    };
    const occurrences = expandFreezeWindows(
      [
        {
          ...base,
          id: 'late',
          title: 'Late',
          severity: 'hard',
          start: '2026-12-03T00:00:00Z',
          end: '2026-12-04T00:00:00Z',
        },
        {
          ...base,
          id: 'daily',
          title: 'Daily',
          severity: 'soft',
          start: '2026-12-01T12:00:00Z',
          end: '2026-12-01T13:00:00Z',
          rrule: 'FREQ=DAILY;COUNT=3',
        },
      ],
      '2026-12-01T00:00:00Z',
      '2026-12-10T00:00:00Z',
    );
    expect(occurrences.map(o => `${o.freezeWindowId}@${o.start}`)).toEqual([
      'daily@2026-12-01T12:00:00.000Z',
      'daily@2026-12-02T12:00:00.000Z',
      'late@2026-12-03T00:00:00.000Z',
      'daily@2026-12-03T12:00:00.000Z',
    ]);
  });
});

import type { FreezeWindow } from '@release-management/plugin-release-management-common';
import type { FreezeWindowStore } from '../database/FreezeWindowStore';
import { expandFreezeWindows } from '../domain/freezeOccurrences';
import { FreezeWindowService } from './FreezeWindowService';

const weekly: FreezeWindow = {
  id: 'w',
  title: 'Friday evenings',
  reason: '',
  severity: 'soft',
  start: '2026-01-02T17:00:00.000Z',
  end: '2026-01-02T22:00:00.000Z',
  timeZone: 'Europe/Oslo',
  rrule: 'FREQ=WEEKLY;BYDAY=FR',
  scope: { type: 'all' },
  revision: 1,
  createdBy: 'user:default/a',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function serviceWith(windows: () => FreezeWindow[]) {
  const store = {
    listCandidates: async () => windows(),
  } as unknown as FreezeWindowStore;
  return new FreezeWindowService(store, { now: () => new Date() });
}

describe('FreezeWindowService.occurrences', () => {
  it('gives the same occurrences as a direct expansion, across a year boundary', async () => {
    const service = serviceWith(() => [weekly]);
    const from = '2026-12-15T00:00:00Z';
    const to = '2027-01-20T00:00:00Z';
    const expected = expandFreezeWindows([weekly], from, to);
    expect(expected).toHaveLength(5);
    expect(await service.occurrences(from, to)).toEqual(expected);
    // A second call answers from the cache with the same result.
    expect(await service.occurrences(from, to)).toEqual(expected);
  });

  it('expands a changed window anew: the cache is per revision', async () => {
    let current = weekly;
    const service = serviceWith(() => [current]);
    const range = ['2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z'] as const;
    expect((await service.occurrences(...range)).map(o => o.start)).toEqual([
      '2026-03-06T17:00:00.000Z',
    ]);
    current = { ...weekly, rrule: 'FREQ=WEEKLY;BYDAY=TH', revision: 2 };
    expect((await service.occurrences(...range)).map(o => o.start)).toEqual([
      '2026-03-05T17:00:00.000Z',
    ]);
  });
});

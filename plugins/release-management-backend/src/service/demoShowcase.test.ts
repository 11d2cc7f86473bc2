import {
  expandOccurrences,
  RELEASE_STATUSES,
} from '@release-management/plugin-release-management-common';
import { DateTime } from 'luxon';
import { DEMO_ZONE, demoFreezeWindows } from './demoData';
import { statusShowcase } from './demoShowcase';

// The instants the end-to-end suite runs at, and the edges of a month.
const INSTANTS = [
  '2026-12-07T11:00:00Z',
  '2027-03-28T00:30:00Z', // Oslo springs forward at 01:00Z
  '2027-10-31T00:30:00Z', // Oslo falls back at 01:00Z
  '2026-12-31T22:30:00Z', // 23:30 on New Year's Eve in Oslo, in the Christmas freeze
  '2028-02-29T11:00:00Z',
  '2027-01-08T15:30:00Z', // a Friday afternoon, in the weekly freeze
  '2027-05-01T00:10:00Z', // 02:10 on the first of the month in Oslo
  '2027-05-31T21:50:00Z', // 23:50 on the last of the month in Oslo
];

function finalStatus(path: string[]): string {
  return path.length ? path[path.length - 1] : 'draft';
}

describe('statusShowcase', () => {
  it.each(INSTANTS)(
    'places a release of every status in the month of %s',
    instant => {
      const now = DateTime.fromISO(instant, { zone: DEMO_ZONE });
      const freezes = demoFreezeWindows(now.startOf('day'));
      const showcase = statusShowcase(now, DEMO_ZONE, freezes);

      expect(showcase.map(d => finalStatus(d.path)).sort()).toEqual(
        [...RELEASE_STATUSES].sort(),
      );
      const monthStart = now.startOf('month');
      const windows = showcase.map(d => ({
        status: finalStatus(d.path),
        start: DateTime.fromISO(d.request.plannedWindow!.start),
        end: DateTime.fromISO(d.request.plannedWindow!.end),
      }));
      for (const w of windows) {
        // The month view shows it: it starts within the month (the running
        // one may have started half an hour before the month did).
        expect(
          w.start.setZone(DEMO_ZONE).hasSame(now, 'month') ||
            w.status === 'in-progress',
        ).toBe(true);
        expect(w.end > monthStart).toBe(true);
        expect(w.end > w.start).toBe(true);
      }
      for (const status of [
        'deployed',
        'verified',
        'closed',
        'failed',
        'rolled-back',
      ]) {
        const w = windows.find(x => x.status === status)!;
        expect(w.end <= now).toBe(true);
      }
      // Whatever was scheduled on the way keeps out of every freeze.
      const frozen = freezes.flatMap(f =>
        expandOccurrences(
          f,
          monthStart.minus({ days: 1 }).toISO()!,
          now.endOf('month').plus({ days: 1 }).toISO()!,
        ),
      );
      for (const demo of showcase.filter(d => d.path.includes('scheduled'))) {
        const { start, end } = demo.request.plannedWindow!;
        const hit = frozen.filter(o => o.start < end && o.end > start);
        expect({ title: demo.request.title, hit }).toEqual({
          title: demo.request.title,
          hit: [],
        });
      }
      // No two showcase releases of the one entity overlap.
      const sorted = [...windows].sort(
        (a, b) => a.start.toMillis() - b.start.toMillis(),
      );
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i].start >= sorted[i - 1].end).toBe(true);
      }
    },
  );

  it('keeps the running release around now when no freeze covers it', () => {
    const now = DateTime.fromISO('2026-12-07T11:00:00Z', { zone: DEMO_ZONE });
    const showcase = statusShowcase(now, DEMO_ZONE, []);
    const running = showcase.find(d => finalStatus(d.path) === 'in-progress')!;
    expect(Date.parse(running.request.plannedWindow!.start)).toBeLessThan(
      now.toMillis(),
    );
    expect(Date.parse(running.request.plannedWindow!.end)).toBeGreaterThan(
      now.toMillis(),
    );
  });
});

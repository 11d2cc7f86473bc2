import { maintenanceOccurrences } from './maintenanceWindows';

describe('maintenanceOccurrences', () => {
  it('expands a window at its local start time on the rule’s days', () => {
    expect(
      maintenanceOccurrences(
        {
          title: 'Sunday nights',
          rrule: 'FREQ=WEEKLY;BYDAY=SU',
          timeZone: 'America/New_York',
          startTime: '23:00',
          durationMinutes: 120,
        },
        '2027-03-06T00:00:00Z',
        '2027-03-22T00:00:00Z',
      ),
    ).toEqual(
      [
        // 7 March is EST (-5), 14 and 21 March EDT (-4).
        { start: '2027-03-08T04:00:00.000Z', end: '2027-03-08T06:00:00.000Z' },
        { start: '2027-03-15T03:00:00.000Z', end: '2027-03-15T05:00:00.000Z' },
        { start: '2027-03-22T03:00:00.000Z', end: '2027-03-22T05:00:00.000Z' },
      ].filter(o => o.start < '2027-03-22T00:00:00Z'),
    );
  });

  it('answers a range inside an earlier, wider expansion from it, with the same occurrences', () => {
    const window = {
      title: 'Weeknights',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH',
      timeZone: 'Europe/Oslo',
      startTime: '22:00',
      durationMinutes: 60,
    };
    const wide = maintenanceOccurrences(
      window,
      '2027-10-01T00:00:00Z',
      '2027-11-05T00:00:00Z',
    );
    // Across the end of summer time (31 October): 20:00 UTC, then 21:00.
    expect(wide.map(o => o.start)).toContain('2027-10-28T20:00:00.000Z');
    expect(wide.map(o => o.start)).toContain('2027-11-01T21:00:00.000Z');
    const inside = maintenanceOccurrences(
      window,
      '2027-10-27T20:30:00Z',
      '2027-11-02T00:00:00Z',
    );
    expect(inside).toEqual(
      wide.filter(
        o => o.start < '2027-11-02T00:00:00Z' && o.end > '2027-10-27T20:30:00Z',
      ),
    );
    expect(inside.map(o => o.start)).toEqual([
      '2027-10-27T20:00:00.000Z',
      '2027-10-28T20:00:00.000Z',
      '2027-11-01T21:00:00.000Z',
    ]);
  });
});

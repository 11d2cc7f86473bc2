import {
  expandOccurrences,
  MAX_OCCURRENCES_PER_WINDOW,
  nextOccurrences,
} from './occurrences';

describe('expandOccurrences', () => {
  it('returns a one-off window when it overlaps the range, half-open at both ends', () => {
    const window = {
      start: '2026-12-01T10:00:00Z',
      end: '2026-12-01T12:00:00Z',
      timeZone: 'UTC',
    };
    expect(
      expandOccurrences(window, '2026-12-01T11:00:00Z', '2026-12-02T00:00:00Z'),
    ).toEqual([
      { start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T12:00:00.000Z' },
    ]);
    // Touching: the window ends when the range starts, or starts when it ends.
    expect(
      expandOccurrences(window, '2026-12-01T12:00:00Z', '2026-12-02T00:00:00Z'),
    ).toEqual([]);
    expect(
      expandOccurrences(window, '2026-11-30T00:00:00Z', '2026-12-01T10:00:00Z'),
    ).toEqual([]);
  });

  it('keeps a weekly freeze at the same local time across the end of DST (Europe/Oslo)', () => {
    // Fridays 18:00-20:00 in Oslo: 16:00Z in summer time, 17:00Z after 25 Oct.
    const window = {
      start: '2026-10-16T18:00:00+02:00',
      end: '2026-10-16T20:00:00+02:00',
      timeZone: 'Europe/Oslo',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
    };
    expect(
      expandOccurrences(window, '2026-10-15T00:00:00Z', '2026-11-07T00:00:00Z'),
    ).toEqual([
      { start: '2026-10-16T16:00:00.000Z', end: '2026-10-16T18:00:00.000Z' },
      { start: '2026-10-23T16:00:00.000Z', end: '2026-10-23T18:00:00.000Z' },
      { start: '2026-10-30T17:00:00.000Z', end: '2026-10-30T19:00:00.000Z' },
      { start: '2026-11-06T17:00:00.000Z', end: '2026-11-06T19:00:00.000Z' },
    ]);
  });

  it('keeps wall-clock end times when an occurrence spans the DST change', () => {
    // Saturday 22:00 to Sunday 06:00 local: nine real hours on 24/25 Oct.
    const window = {
      start: '2026-10-17T22:00:00+02:00',
      end: '2026-10-18T06:00:00+02:00',
      timeZone: 'Europe/Oslo',
      rrule: 'RRULE:FREQ=WEEKLY;COUNT=3',
    };
    expect(
      expandOccurrences(window, '2026-10-17T00:00:00Z', '2026-12-01T00:00:00Z'),
    ).toEqual([
      { start: '2026-10-17T20:00:00.000Z', end: '2026-10-18T04:00:00.000Z' },
      { start: '2026-10-24T20:00:00.000Z', end: '2026-10-25T05:00:00.000Z' },
      { start: '2026-10-31T21:00:00.000Z', end: '2026-11-01T05:00:00.000Z' },
    ]);
  });

  it('moves a start in the spring-forward gap forward by the gap and keeps the length (America/New_York)', () => {
    // 02:30 does not exist on 14 March 2027 in New York: RFC 5545 reads it
    // with the offset before the gap, 03:30 EDT; the window stays an hour.
    const window = {
      start: '2027-03-12T02:30:00-05:00',
      end: '2027-03-12T03:30:00-05:00',
      timeZone: 'America/New_York',
      rrule: 'FREQ=DAILY',
    };
    const occurrences = expandOccurrences(
      window,
      '2027-03-13T00:00:00Z',
      '2027-03-16T00:00:00Z',
    );
    expect(occurrences).toEqual([
      { start: '2027-03-13T07:30:00.000Z', end: '2027-03-13T08:30:00.000Z' },
      { start: '2027-03-14T07:30:00.000Z', end: '2027-03-14T08:30:00.000Z' },
      { start: '2027-03-15T06:30:00.000Z', end: '2027-03-15T07:30:00.000Z' },
    ]);
  });

  it('includes an occurrence that began before the range and is still running', () => {
    const window = {
      start: '2026-12-04T20:00:00Z',
      end: '2026-12-07T06:00:00Z',
      timeZone: 'UTC',
      rrule: 'FREQ=WEEKLY',
    };
    expect(
      expandOccurrences(window, '2026-12-13T00:00:00Z', '2026-12-13T01:00:00Z'),
    ).toEqual([
      { start: '2026-12-11T20:00:00.000Z', end: '2026-12-14T06:00:00.000Z' },
    ]);
  });

  it('stops at a bounded number of occurrences for pathological rules', () => {
    const window = {
      start: '2026-12-01T00:00:00Z',
      end: '2026-12-01T00:10:00Z',
      timeZone: 'UTC',
      rrule: 'FREQ=HOURLY',
    };
    // 400 days of hourly occurrences would be 9,600.
    const occurrences = expandOccurrences(
      window,
      '2026-12-01T00:00:00Z',
      '2028-01-01T00:00:00Z',
    );
    expect(occurrences.length).toBeLessThanOrEqual(MAX_OCCURRENCES_PER_WINDOW);
    expect(occurrences.length).toBeGreaterThan(0);
  });
});

describe('nextOccurrences', () => {
  it('keeps the wall-clock times across the spring DST change', () => {
    const occurrences = nextOccurrences(
      {
        start: '2031-03-21T15:00:00.000Z',
        end: '2031-03-24T07:00:00.000Z',
        timeZone: 'Europe/Berlin',
        rrule: 'FREQ=WEEKLY;BYDAY=FR',
      },
      '2031-03-22T00:00:00.000Z',
      3,
    );
    expect(occurrences).toEqual([
      // Still running at `from`, so it counts.
      { start: '2031-03-21T15:00:00.000Z', end: '2031-03-24T07:00:00.000Z' },
      // Clocks go forward on Sunday 30 March: ends at 08:00 CEST.
      { start: '2031-03-28T15:00:00.000Z', end: '2031-03-31T06:00:00.000Z' },
      // Every start is Friday 16:00 in Berlin.
      { start: '2031-04-04T14:00:00.000Z', end: '2031-04-07T06:00:00.000Z' },
    ]);
  });

  it('gives a one-off window until it has ended', () => {
    const window = {
      start: '2030-12-20T15:00:00.000Z',
      end: '2030-12-23T07:00:00.000Z',
      timeZone: 'Europe/Berlin',
    };
    expect(nextOccurrences(window, '2030-12-22T00:00:00Z', 5)).toHaveLength(1);
    expect(nextOccurrences(window, '2030-12-24T00:00:00Z', 5)).toHaveLength(0);
  });

  it('starts from the first occurrence of a window that starts years ahead', () => {
    const [first] = nextOccurrences(
      {
        start: '2041-01-04T08:00:00.000Z',
        end: '2041-01-04T10:00:00.000Z',
        timeZone: 'UTC',
        rrule: 'FREQ=DAILY',
      },
      '2030-01-01T00:00:00.000Z',
      1,
    );
    expect(first.start).toBe('2041-01-04T08:00:00.000Z');
  });

  it('refuses a rule the backend would refuse', () => {
    expect(() =>
      nextOccurrences(
        {
          start: '2031-03-21T15:00:00.000Z',
          end: '2031-03-21T16:00:00.000Z',
          timeZone: 'UTC',
          rrule: 'FREQ=WEEKLY;BYDAY=XX',
        },
        '2031-03-01T00:00:00.000Z',
        3,
      ),
    ).toThrow(/bad value/);
  });
});

import {
  expandFreezeWindows,
  expandOccurrences,
  MAX_OCCURRENCES_PER_WINDOW,
  parseRecurrenceRule,
} from './freezeOccurrences';

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

describe('parseRecurrenceRule', () => {
  it('accepts RRULEs with or without the RRULE: prefix', () => {
    expect(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=FR').freq).toBe(2);
    expect(parseRecurrenceRule('RRULE:FREQ=DAILY;COUNT=2').count).toBe(2);
  });

  it('rejects rules without FREQ and rules that carry their own DTSTART', () => {
    expect(() => parseRecurrenceRule('BYDAY=FR')).toThrow(/FREQ is missing/);
    expect(() =>
      parseRecurrenceRule('DTSTART=20261201T000000Z;FREQ=DAILY'),
    ).toThrow(/DTSTART/);
  });

  it.each([
    ['FREQ=WEEKLY;BYDAY=XX', /bad value/],
    ['FREQ=DAILY;INTERVAL=abc', /bad value/],
    ['FREQ=SECONDLY', /bad value/],
    ['FREQ=MONTHLY;BYMONTHDAY=40', /within -31..31/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /within -31..31/],
    ['FREQ=DAILY;FREQ=WEEKLY', /appears twice/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101', /cannot both/],
    ['FREQ=DAILY;COLOUR=RED', /unknown part/],
    ['FREQ=DAILY;UNTIL=garbage', /bad value/],
  ])(
    'rejects %s, which the rrule library would accept or hang on',
    (rule, message) => {
      expect(() => parseRecurrenceRule(rule)).toThrow(message);
    },
  );
});

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

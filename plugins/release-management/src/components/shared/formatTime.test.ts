import { formatInstant, formatWindow } from './formatTime';

describe('formatTime', () => {
  it('writes an instant in a zone with its weekday, on a 24-hour clock', () => {
    expect(formatInstant('2030-01-07T08:00:00Z', 'Europe/Oslo')).toBe(
      'Mon, Jan 7, 2030, 09:00',
    );
    expect(formatInstant('2030-01-07T20:30:00Z', 'UTC')).toBe(
      'Mon, Jan 7, 2030, 20:30',
    );
    // Summer time in Oslo: UTC+2.
    expect(formatInstant('2030-07-01T08:00:00Z', 'Europe/Oslo')).toBe(
      'Mon, Jul 1, 2030, 10:00',
    );
  });

  it('gives a window the end date only when it ends on another day, in the zone it was planned in', () => {
    expect(
      formatWindow(
        '2030-01-07T08:00:00Z',
        '2030-01-07T10:00:00Z',
        'Europe/Oslo',
      ),
    ).toBe('Mon, Jan 7, 2030, 09:00 – 11:00 Europe/Oslo');
    // 23:00 to 01:00 in Oslo crosses midnight there, not in UTC.
    expect(
      formatWindow(
        '2030-01-07T22:00:00Z',
        '2030-01-08T00:00:00Z',
        'Europe/Oslo',
      ),
    ).toBe('Mon, Jan 7, 2030, 23:00 – Tue, Jan 8, 2030, 01:00 Europe/Oslo');
  });

  it('uses the viewer’s zone without naming it when no zone is given', () => {
    const start = '2030-01-07T08:00:00Z';
    expect(formatWindow(start, '2030-01-07T08:30:00Z')).toMatch(
      new RegExp(`^${formatInstant(start)} – \\d\\d:\\d\\d$`),
    );
  });

  it('shows text that is not an instant as it is', () => {
    expect(formatInstant('soon')).toBe('soon');
    expect(formatWindow('soon', 'later', 'UTC')).toBe('soon – later');
  });
});

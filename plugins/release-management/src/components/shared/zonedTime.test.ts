import { instantToWallTime, wallTimeToInstant } from './zonedTime';

describe('zoned wall times', () => {
  it('reads a datetime-local value in the chosen zone, on both sides of DST', () => {
    expect(wallTimeToInstant('2030-01-07T09:00', 'Europe/Berlin')).toBe(
      '2030-01-07T08:00:00.000Z',
    );
    expect(wallTimeToInstant('2030-07-07T09:00', 'Europe/Berlin')).toBe(
      '2030-07-07T07:00:00.000Z',
    );
    expect(wallTimeToInstant('', 'Europe/Berlin')).toBeUndefined();
    expect(wallTimeToInstant('nonsense', 'UTC')).toBeUndefined();
  });

  it('shows an instant as a datetime-local value in a zone', () => {
    expect(instantToWallTime('2030-07-07T07:00:00.000Z', 'Europe/Berlin')).toBe(
      '2030-07-07T09:00',
    );
    expect(
      instantToWallTime('2030-07-07T07:00:00.000Z', 'America/New_York'),
    ).toBe('2030-07-07T03:00');
  });
});

import { recurrenceProblem } from './recurrencePolicy';

const window = (rrule?: string) => ({
  start: '2026-12-07T09:00:00Z',
  end: '2026-12-07T10:00:00Z',
  timeZone: 'Europe/Oslo',
  rrule,
});

describe('recurrenceProblem', () => {
  it('accepts one-off windows and daily or coarser rules', () => {
    const policy = { allowHourly: false };
    expect(recurrenceProblem(window(), policy)).toBeUndefined();
    expect(recurrenceProblem(window('FREQ=DAILY'), policy)).toBeUndefined();
    expect(
      recurrenceProblem(window('FREQ=WEEKLY;BYDAY=FR'), policy),
    ).toBeUndefined();
  });

  it('refuses hourly rules unless the installation allows them', () => {
    expect(
      recurrenceProblem(window('FREQ=HOURLY'), { allowHourly: false }),
    ).toMatch(/repeats hourly.*releaseManagement\.recurrence\.allowHourly/);
    expect(
      recurrenceProblem(window('FREQ=HOURLY'), { allowHourly: true }),
    ).toBeUndefined();
  });

  it('names what is wrong with a rule that does not parse or never occurs', () => {
    const policy = { allowHourly: true };
    expect(recurrenceProblem(window('FREQ=SOMETIMES'), policy)).toMatch(
      /not a valid RRULE/,
    );
    expect(
      recurrenceProblem(window('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31'), policy),
    ).toMatch(/occurs too rarely or never/);
    // 10:00 Oslo, every 3 hours: 10, 13, 16, 19, 22, 1, … never 23.
    expect(
      recurrenceProblem(window('FREQ=HOURLY;INTERVAL=3;BYHOUR=23'), policy),
    ).toMatch(/never occurs: every 3 hours from 10:00 never reaches/);
    expect(
      recurrenceProblem(window('FREQ=HOURLY;INTERVAL=3;BYHOUR=22'), policy),
    ).toBeUndefined();
  });
});

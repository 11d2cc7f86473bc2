import { fromRRule, noRecurrence, toRRule } from './recurrence';
import { ruleInWords } from './ruleInWords';

describe('recurrence builder rules', () => {
  it('writes rules in the strict grammar the backend accepts, and reads them back', () => {
    const weekly = {
      ...noRecurrence(),
      frequency: 'weekly' as const,
      interval: 2,
      weekdays: ['FR' as const, 'MO' as const],
      ends: 'until' as const,
      until: '2031-06-30',
    };
    expect(toRRule(weekly)).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;UNTIL=20310630T235959',
    );
    expect(fromRRule(toRRule(weekly))).toEqual({
      ...weekly,
      weekdays: ['MO', 'FR'],
    });
    expect(
      toRRule({
        ...noRecurrence(),
        frequency: 'daily',
        ends: 'count',
        count: 5,
      }),
    ).toBe('FREQ=DAILY;COUNT=5');
    expect(toRRule({ ...noRecurrence(), frequency: 'monthly' })).toBe(
      'FREQ=MONTHLY',
    );
    expect(toRRule(noRecurrence())).toBeUndefined();
  });

  it('keeps a rule the builder cannot show as a custom rule', () => {
    expect(fromRRule('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1')).toMatchObject({
      frequency: 'custom',
      custom: 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
    });
  });
});

describe('ruleInWords', () => {
  it('says a weekend freeze the way people say it', () => {
    expect(
      ruleInWords({
        start: '2031-03-21T15:00:00.000Z',
        end: '2031-03-24T07:00:00.000Z',
        timeZone: 'Europe/Berlin',
        rrule: 'FREQ=WEEKLY;BYDAY=FR',
      }),
    ).toBe('every Friday 16:00–Monday 08:00 Europe/Berlin');
    expect(
      ruleInWords({
        start: '2031-03-21T22:00:00.000Z',
        end: '2031-03-22T06:00:00.000Z',
        timeZone: 'UTC',
        rrule: 'FREQ=DAILY;COUNT=10',
      }),
    ).toBe('every day 22:00–06:00 the next day UTC, 10 times');
    expect(
      ruleInWords({
        start: '2030-12-20T15:00:00.000Z',
        end: '2030-12-23T07:00:00.000Z',
        timeZone: 'Europe/Berlin',
      }),
    ).toBe('Fri, Dec 20, 2030, 16:00 – Mon, Dec 23, 2030, 08:00 Europe/Berlin');
  });
});

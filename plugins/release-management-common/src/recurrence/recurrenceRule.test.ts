import { parseRecurrenceRule } from './recurrenceRule';

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

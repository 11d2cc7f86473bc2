const { RRule } = require('rrule');
for (const s of [
  'FREQ=WEEKLY;BYDAY=XX',
  'FREQ=WEEKLY;BYDAY=FR',
  'FREQ=DAILY;INTERVAL=abc',
  'FREQ=FOO',
  'FREQ=DAILY;UNTIL=garbage',
  'FREQ=MONTHLY;BYMONTHDAY=40',
]) {
  try {
    const o = RRule.parseString(s);
    console.log(s, JSON.stringify(o));
    const r = new RRule({ ...o, dtstart: new Date(Date.UTC(2026, 0, 1)) });
    console.log(
      '  ->',
      r.all((d, i) => i < 2),
    );
  } catch (e) {
    console.log(s, 'ERR', e.message);
  }
}

import { z } from 'zod';

/**
 * An instant as ISO 8601 with an offset or `Z`, e.g. `2026-12-01T09:00:00Z`.
 *
 * @public
 */
export const instantSchema = z.iso.datetime({
  offset: true,
  message:
    'must be an ISO 8601 date-time with offset, e.g. 2026-12-01T09:00:00Z',
});

/**
 * An IANA time zone name such as `Europe/Oslo`.
 *
 * @public
 */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    zone => {
      try {
        return Boolean(new Intl.DateTimeFormat('en-US', { timeZone: zone }));
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Europe/Oslo or UTC' },
  );

/**
 * The longest planned window of a release. Phases of a long rollout carry
 * their own times; the release window is when the change happens. The bound
 * also lets overlap queries use the index on window starts.
 *
 * @public
 */
export const MAX_RELEASE_WINDOW_DAYS = 31;

/**
 * A window of time with the zone it was planned in. The end is exclusive:
 * a window ending at 10:00 does not overlap one starting at 10:00.
 *
 * @public
 */
export const timeWindowSchema = z
  .object({
    start: instantSchema,
    end: instantSchema,
    timeZone: timeZoneSchema,
  })
  .strict()
  .refine(w => Date.parse(w.start) < Date.parse(w.end), {
    message: 'end must be after start',
    path: ['end'],
  })
  .refine(
    w =>
      Date.parse(w.end) - Date.parse(w.start) <=
      MAX_RELEASE_WINDOW_DAYS * 86_400_000,
    {
      message: `a release window can last at most ${MAX_RELEASE_WINDOW_DAYS} days`,
      path: ['end'],
    },
  );

/** @public */
export type TimeWindow = z.infer<typeof timeWindowSchema>;

/**
 * How far from the present, either side, an instant the API accepts may
 * lie. Calendars, recurrences and slot searches far from now would cost
 * work without meaning anything; requests beyond it answer 400.
 *
 * @public
 */
export const INSTANT_HORIZON_YEARS = 10;

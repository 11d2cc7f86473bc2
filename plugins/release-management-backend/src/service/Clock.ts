/** The time source of the services, replaceable in tests. */
export type Clock = {
  now(): Date;
};

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

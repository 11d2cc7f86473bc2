import { z } from 'zod';

/** `limit` and `offset` of a list query: 1–500, 50 by default. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** Refuses a query whose `from` is after its `to`, naming `to`. */
export const rangeInOrder: [
  (q: { from?: string; to?: string }) => boolean,
  { message: string; path: PropertyKey[] },
] = [
  q => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to),
  { message: 'from must not be after to', path: ['to'] },
];

/** A page of a list: its items, how many there are in all, and where. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    totalCount: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

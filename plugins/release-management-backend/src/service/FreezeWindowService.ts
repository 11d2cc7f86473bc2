import { InputError, NotFoundError } from '@backstage/errors';
import {
  type FreezeOccurrence,
  type FreezeWindow,
  type FreezeWindowDefinition,
  expandOccurrences,
  recurrenceProblem,
  type RecurrencePolicy,
} from '@release-management/plugin-release-management-common';
import { randomUUID } from 'node:crypto';
import type { FreezeWindowStore } from '../database/FreezeWindowStore';
import { expandFreezeWindows } from '../domain/freezeOccurrences';
import type { Clock } from './Clock';

const YEAR = 366 * 86_400_000;
/** Cached expansions kept at most; each is one window's occurrences in a year. */
const CACHE_LIMIT = 20_000;

/** Freeze windows and their occurrences in a range. */
export class FreezeWindowService {
  // Expanding an RRULE costs far more than a conflict check's queries, and
  // every check needs every recurring window. Expansions are cached per
  // window revision and calendar year: a changed window has a new revision,
  // so a replica never serves an expansion of an old definition.
  private readonly expansions = new Map<string, Expansion>();

  constructor(
    private readonly store: FreezeWindowStore,
    private readonly clock: Clock,
    private readonly recurrence: RecurrencePolicy = { allowHourly: false },
  ) {}

  list(): Promise<FreezeWindow[]> {
    return this.store.list();
  }

  async get(id: string): Promise<FreezeWindow> {
    const window = await this.store.get(id);
    if (!window) {
      throw new NotFoundError(`No freeze window with id "${id}"`);
    }
    return window;
  }

  async create(
    definition: FreezeWindowDefinition,
    actor: string,
  ): Promise<FreezeWindow> {
    validateRecurrence(definition, this.recurrence);
    return this.store.create({
      id: randomUUID(),
      definition,
      actor,
      now: this.clock.now().toISOString(),
    });
  }

  async update(
    id: string,
    expectedRevision: number,
    definition: FreezeWindowDefinition,
  ): Promise<FreezeWindow> {
    validateRecurrence(definition, this.recurrence);
    return this.store.update({
      id,
      expectedRevision,
      definition,
      now: this.clock.now().toISOString(),
    });
  }

  async delete(id: string): Promise<FreezeWindow> {
    const window = await this.get(id);
    await this.store.delete(id);
    return window;
  }

  async occurrences(from: string, to: string): Promise<FreezeOccurrence[]> {
    const candidates = await this.store.listCandidates(from, to);
    const oneOff = candidates.filter(w => !w.rrule);
    const occurrences = expandFreezeWindows(oneOff, from, to);
    const start = Date.parse(from);
    const end = Date.parse(to);
    for (const window of candidates.filter(w => w.rrule)) {
      const seen = new Set<string>();
      for (const year of yearsOf(start, end)) {
        const { starts, ends, items } = this.expandYear(window, year);
        // Occurrences are sorted by start: walk back from the last one
        // that starts before `end`.
        let k = firstAtOrAfter(starts, end) - 1;
        // Occurrences of one window last as long as each other (give or
        // take a DST hour), so once one ended before `start`, all earlier
        // ones did.
        for (; k >= 0 && ends[k] > start - 3_600_000; k--) {
          const o = items[k];
          if (ends[k] <= start || seen.has(o.start)) continue;
          seen.add(o.start);
          occurrences.push({
            freezeWindowId: window.id,
            title: window.title,
            severity: window.severity,
            timeZone: window.timeZone,
            scope: window.scope,
            ...o,
          });
        }
      }
    }
    return occurrences.sort((a, b) => a.start.localeCompare(b.start));
  }

  /** The occurrences overlapping one UTC year (plus a day each side). */
  private expandYear(window: FreezeWindow, year: number): Expansion {
    const key = `${window.id}:${window.revision}:${year}`;
    let cached = this.expansions.get(key);
    if (!cached) {
      const day = 86_400_000;
      const items = safely(() =>
        expandOccurrences(
          window,
          new Date(Date.UTC(year, 0, 1) - day).toISOString(),
          new Date(Date.UTC(year + 1, 0, 1) + day).toISOString(),
        ),
      );
      cached = {
        items,
        starts: Float64Array.from(items, o => Date.parse(o.start)),
        ends: Float64Array.from(items, o => Date.parse(o.end)),
      };
      if (this.expansions.size >= CACHE_LIMIT) {
        // Maps iterate in insertion order: drop the oldest entry.
        this.expansions.delete(this.expansions.keys().next().value!);
      }
      this.expansions.set(key, cached);
    }
    return cached;
  }
}

type Expansion = {
  items: Array<{ start: string; end: string }>;
  starts: Float64Array;
  ends: Float64Array;
};

/** Index of the first value ≥ target in a sorted array (binary search). */
function firstAtOrAfter(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function yearsOf(start: number, end: number): number[] {
  const years = [];
  const last = new Date(Math.min(end, start + 3 * YEAR)).getUTCFullYear();
  for (let y = new Date(start).getUTCFullYear(); y <= last; y++) years.push(y);
  return years;
}

// A stored rule that no longer parses yields no occurrences rather than
// failing every calendar and check.
function safely<T>(expand: () => T[]): T[] {
  try {
    return expand();
  } catch {
    return [];
  }
}

function validateRecurrence(
  definition: FreezeWindowDefinition,
  policy: RecurrencePolicy,
) {
  const problem = recurrenceProblem(definition, policy);
  if (problem) throw new InputError(`rrule: ${problem}`);
}

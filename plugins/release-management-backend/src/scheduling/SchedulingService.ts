import { InputError } from '@backstage/errors';
import type {
  Conflict,
  ReleaseModelDefinition,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import type { CatalogSnapshotService } from '../analysis/CatalogSnapshotService';
import type {
  ReadCriteria,
  ReleaseStore,
  StoredRelease,
} from '../database/ReleaseStore';
import type { Clock } from '../service/Clock';
import type { FreezeWindowService } from '../service/FreezeWindowService';
import type { ReleaseModelService } from '../service/ReleaseModelService';
import { detectConflicts } from './conflicts';
import { maintenanceOccurrences } from './maintenanceWindows';

/** Conflict checks a slot search runs before it lets other work run. */
const SLOT_CHECKS_PER_TURN = 50;

/** Releases that hold their window: the ones others must plan around. */
export const COMMITTED_STATUSES: ReleaseStatus[] = [
  'planned',
  'scheduled',
  'in-progress',
];

type Plan = {
  scope: string[];
  start: string;
  end: string;
  model: ReleaseModelDefinition;
  releaseId?: string;
};

/** @see ReadCriteria */
export type Readable = ReadCriteria;

/**
 * Conflict checks for plans and stored releases, and the search for free
 * slots. Loads only the releases and freeze occurrences near the window
 * (indexed queries), then applies the pure rules.
 */
export class SchedulingService {
  constructor(
    private readonly deps: {
      releaseStore: Pick<ReleaseStore, 'listScheduled'>;
      models: ReleaseModelService;
      freezeWindows: FreezeWindowService;
      snapshots: CatalogSnapshotService;
      clock: Clock;
    },
  ) {}

  /** What-if: the conflicts of a plan that need not be saved. */
  async check(request: {
    model: string;
    scope: string[];
    window: { start: string; end: string };
    releaseId?: string;
    readable: Readable;
  }): Promise<Conflict[]> {
    // The model and what the check reads start together: the cached reads
    // then share one look at the change counters.
    const [model, inputs] = await Promise.all([
      this.modelByName(request.model),
      this.inputsOf(request.window, request.readable, request.releaseId),
    ]);
    return detectConflicts({
      ...inputs,
      plan: {
        scope: request.scope,
        start: request.window.start,
        end: request.window.end,
        model,
      },
      now: this.deps.clock.now(),
    });
  }

  /** The current conflicts of a stored release, against its own model revision. */
  async conflictsOfRelease(
    release: StoredRelease,
    model: ReleaseModelDefinition,
    readable: Readable,
  ): Promise<Conflict[]> {
    if (!release.plannedWindow) return [];
    return this.conflictsOf(
      {
        scope: release.scope.map(s => s.entityRef),
        start: release.plannedWindow.start,
        end: release.plannedWindow.end,
        model,
        releaseId: release.id,
      },
      readable,
    );
  }

  /**
   * The first `count` windows of `durationMinutes` in the next `days` days
   * free of blocking conflicts: starts of the model's maintenance windows
   * (and every 30 minutes inside them), or every full hour when the model
   * has none.
   */
  async findSlots(request: {
    model: string;
    scope: string[];
    durationMinutes: number;
    timeZone: string;
    from?: string;
    days: number;
    count: number;
    releaseId?: string;
    readable: Readable;
  }): Promise<
    Array<{
      start: string;
      end: string;
      timeZone: string;
      warnings: Conflict[];
    }>
  > {
    const model = await this.modelByName(request.model);
    const duration = request.durationMinutes * 60_000;
    const from = Math.max(
      Date.parse(request.from ?? this.deps.clock.now().toISOString()),
      this.deps.clock.now().getTime(),
    );
    const to = from + request.days * 86_400_000;
    const rangeFrom = new Date(from).toISOString();
    const rangeTo = new Date(to + duration).toISOString();

    const candidates = this.candidateStarts(model, from, to, duration);
    const [graph, others, freezes] = await Promise.all([
      this.deps.snapshots.current().then(s => s.graph),
      this.deps.releaseStore.listScheduled({
        from: rangeFrom,
        to: rangeTo,
        statuses: COMMITTED_STATUSES,
        excludeId: request.releaseId,
        readable: request.readable,
      }),
      this.deps.freezeWindows.occurrences(rangeFrom, rangeTo),
    ]);
    const slots = [];
    let checked = 0;
    for (const start of candidates) {
      // A year of hourly candidates is thousands of conflict checks: hand
      // the event loop back now and then, so that one search never holds
      // up the other requests of the backend (every plugin's) for long.
      if (++checked % SLOT_CHECKS_PER_TURN === 0) {
        await new Promise(resolve => setImmediate(resolve));
      }
      const plan = {
        scope: request.scope,
        start: new Date(start).toISOString(),
        end: new Date(start + duration).toISOString(),
        model,
      };
      const conflicts = detectConflicts({
        graph,
        plan,
        others,
        freezes,
        now: this.deps.clock.now(),
      });
      if (conflicts.some(c => c.severity === 'blocking')) continue;
      slots.push({
        start: plan.start,
        end: plan.end,
        timeZone: request.timeZone,
        warnings: conflicts,
      });
      if (slots.length >= request.count) break;
    }
    return slots;
  }

  private candidateStarts(
    model: ReleaseModelDefinition,
    from: number,
    to: number,
    duration: number,
  ): number[] {
    const step = 30 * 60_000;
    const windows = model.schedulingPolicy.maintenanceWindows;
    if (windows.length === 0) {
      const hour = 3_600_000;
      const first = Math.ceil(from / hour) * hour;
      const starts = [];
      for (let t = first; t < to; t += hour) starts.push(t);
      return starts;
    }
    const starts = new Set<number>();
    for (const window of windows) {
      for (const o of maintenanceOccurrences(
        window,
        new Date(from).toISOString(),
        new Date(to).toISOString(),
      )) {
        const end = Date.parse(o.end);
        for (let t = Date.parse(o.start); t + duration <= end; t += step) {
          if (t >= from && t < to) starts.add(t);
        }
      }
    }
    return [...starts].sort((a, b) => a - b);
  }

  private async conflictsOf(
    plan: Plan,
    readable: Readable,
  ): Promise<Conflict[]> {
    return detectConflicts({
      ...(await this.inputsOf(plan, readable, plan.releaseId)),
      plan,
      now: this.deps.clock.now(),
    });
  }

  /** The graph, other releases and freeze occurrences a window is checked against. */
  private async inputsOf(
    window: { start: string; end: string },
    readable: Readable,
    releaseId?: string,
  ) {
    const [snapshot, others, freezes] = await Promise.all([
      this.deps.snapshots.current(),
      this.deps.releaseStore.listScheduled({
        from: window.start,
        to: window.end,
        statuses: COMMITTED_STATUSES,
        excludeId: releaseId,
        readable,
      }),
      this.deps.freezeWindows.occurrences(window.start, window.end),
    ]);
    return { graph: snapshot.graph, others, freezes };
  }

  private async modelByName(name: string): Promise<ReleaseModelDefinition> {
    try {
      return (await this.deps.models.getStored(name)).definition;
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') {
        throw new InputError(`model: no release model named "${name}"`);
      }
      throw error;
    }
  }
}

import type {
  FreezeWindow,
  FreezeWindowDefinition,
} from '@release-management/plugin-release-management-common';
import type { ChangeCounters } from './ChangeCounters';
import type { FreezeWindowStore } from './FreezeWindowStore';

/**
 * Freeze windows kept in memory: every conflict check and calendar reads
 * the candidates of its range, and there are a few thousand windows at
 * most, changed a few times a day. Before each read the database's change
 * counter says whether any window changed, in this replica or another;
 * then all of them are read again. Above `maxWindows` reads go to the
 * store. Writes go to the store.
 */
export class CachedFreezeWindowStore implements FreezeWindowStore {
  /** All windows by start then id, as of counter `seq`. */
  private windows: FreezeWindow[] | undefined;
  private seq = -1;
  private loading?: Promise<void>;

  constructor(
    private readonly store: FreezeWindowStore,
    private readonly counters: ChangeCounters,
    private readonly maxWindows = 20_000,
  ) {}

  async list(): Promise<FreezeWindow[]> {
    return (await this.all()) ?? this.store.list();
  }

  async listCandidates(from: string, to: string): Promise<FreezeWindow[]> {
    const windows = await this.all();
    if (!windows) return this.store.listCandidates(from, to);
    // As the store's query: stored instants compare as text.
    const start = new Date(from).toISOString();
    const end = new Date(to).toISOString();
    return windows.filter(
      w => w.start < end && (w.rrule !== undefined || w.end > start),
    );
  }

  get(id: string): Promise<FreezeWindow | undefined> {
    return this.store.get(id);
  }

  create(options: {
    id: string;
    definition: FreezeWindowDefinition;
    actor: string;
    now: string;
  }): Promise<FreezeWindow> {
    return this.store.create(options);
  }

  update(options: {
    id: string;
    expectedRevision: number;
    definition: FreezeWindowDefinition;
    now: string;
  }): Promise<FreezeWindow> {
    return this.store.update(options);
  }

  delete(id: string): Promise<void> {
    return this.store.delete(id);
  }

  /** Every window, current as of now; undefined above the bound. */
  private async all(): Promise<FreezeWindow[] | undefined> {
    const target = await this.counters.get('freeze_windows');
    while (this.seq < target) {
      if (!this.loading) {
        this.loading = this.store
          .list()
          .then(windows => {
            this.windows =
              windows.length <= this.maxWindows ? windows : undefined;
            this.seq = Math.max(this.seq, target);
          })
          .finally(() => {
            this.loading = undefined;
          });
      }
      await this.loading;
    }
    return this.windows;
  }
}

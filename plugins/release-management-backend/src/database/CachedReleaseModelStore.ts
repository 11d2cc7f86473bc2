import type {
  ReleaseModelDefinition,
  ReleaseModelRevision,
} from '@release-management/plugin-release-management-common';
import type { ChangeCounters } from './ChangeCounters';
import type {
  ReleaseModelSource,
  ReleaseModelStore,
  StoredReleaseModel,
} from './ReleaseModelStore';

/** Revisions kept at most; they never change once written. */
const REVISION_LIMIT = 1000;

/**
 * Release models kept in memory: every conflict check and calendar needs
 * one, and there are a handful, changed rarely. Before each read the
 * database's change counter says whether a model changed, in this replica
 * or another; then all of them are read again. Revisions are immutable and
 * kept in a bounded map. Writes go to the store.
 *
 * Every reader gets the same objects: they must not be changed in place
 * (maintenance-window expansions are cached by the window object).
 */
export class CachedReleaseModelStore implements ReleaseModelStore {
  private models: StoredReleaseModel[] = [];
  private seq = -1;
  private loading?: Promise<void>;
  private readonly revisions = new Map<string, ReleaseModelRevision>();

  constructor(
    private readonly store: ReleaseModelStore,
    private readonly counters: ChangeCounters,
  ) {}

  async list(): Promise<StoredReleaseModel[]> {
    return [...(await this.all())];
  }

  async get(name: string): Promise<StoredReleaseModel | undefined> {
    return (await this.all()).find(m => m.name === name);
  }

  async getRevision(
    name: string,
    revision: number,
  ): Promise<ReleaseModelRevision | undefined> {
    const key = `${revision}:${name}`;
    const cached = this.revisions.get(key);
    if (cached) return cached;
    const found = await this.store.getRevision(name, revision);
    if (found) {
      if (this.revisions.size >= REVISION_LIMIT) {
        this.revisions.delete(this.revisions.keys().next().value!);
      }
      this.revisions.set(key, found);
    }
    return found;
  }

  listRevisions(name: string): Promise<ReleaseModelRevision[]> {
    return this.store.listRevisions(name);
  }

  create(options: {
    name: string;
    source: ReleaseModelSource;
    definition: ReleaseModelDefinition;
    actor: string;
    now: string;
  }): Promise<StoredReleaseModel> {
    return this.store.create(options);
  }

  update(options: {
    name: string;
    expectedRevision: number;
    definition: ReleaseModelDefinition;
    actor: string;
    now: string;
  }): Promise<StoredReleaseModel> {
    return this.store.update(options);
  }

  private async all(): Promise<StoredReleaseModel[]> {
    const target = await this.counters.get('release_models');
    while (this.seq < target) {
      if (!this.loading) {
        this.loading = this.store
          .list()
          .then(models => {
            this.models = models;
            this.seq = Math.max(this.seq, target);
          })
          .finally(() => {
            this.loading = undefined;
          });
      }
      await this.loading;
    }
    return this.models;
  }
}

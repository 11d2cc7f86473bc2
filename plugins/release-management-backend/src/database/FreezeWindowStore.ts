import type {
  FreezeWindow,
  FreezeWindowDefinition,
} from '@release-management/plugin-release-management-common';

/** Storage of freeze windows. */
export interface FreezeWindowStore {
  list(): Promise<FreezeWindow[]>;
  /**
   * The windows that can have an occurrence in [from, to): recurring ones
   * that start before `to`, one-off ones that overlap the range.
   */
  listCandidates(from: string, to: string): Promise<FreezeWindow[]>;
  get(id: string): Promise<FreezeWindow | undefined>;
  create(options: {
    id: string;
    definition: FreezeWindowDefinition;
    actor: string;
    now: string;
  }): Promise<FreezeWindow>;
  /** Throws ConflictError on a stale revision, NotFoundError when missing. */
  update(options: {
    id: string;
    expectedRevision: number;
    definition: FreezeWindowDefinition;
    now: string;
  }): Promise<FreezeWindow>;
  /** Throws NotFoundError when missing. */
  delete(id: string): Promise<void>;
}

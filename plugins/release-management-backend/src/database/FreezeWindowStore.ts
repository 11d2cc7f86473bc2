import type {
  FreezeWindow,
  FreezeWindowDefinition,
} from '@release-management/plugin-release-management-common';

/** Storage of freeze windows. */
export interface FreezeWindowStore {
  list(): Promise<FreezeWindow[]>;
  /** Windows whose first occurrence starts before `to`: the candidates for a range. */
  listStartingBefore(to: string): Promise<FreezeWindow[]>;
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

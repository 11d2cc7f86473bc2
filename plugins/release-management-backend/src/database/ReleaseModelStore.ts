import type {
  ReleaseModelDefinition,
  ReleaseModelRevision,
} from '@release-management/plugin-release-management-common';

/** Where a model comes from. */
export type ReleaseModelSource = 'api' | 'config';

/** A model with the definition of its current revision. */
export type StoredReleaseModel = {
  name: string;
  source: ReleaseModelSource;
  revision: number;
  definition: ReleaseModelDefinition;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};

/** Storage of release models and their immutable revisions. */
export interface ReleaseModelStore {
  list(): Promise<StoredReleaseModel[]>;
  get(name: string): Promise<StoredReleaseModel | undefined>;
  getRevision(
    name: string,
    revision: number,
  ): Promise<ReleaseModelRevision | undefined>;
  listRevisions(name: string): Promise<ReleaseModelRevision[]>;
  /** Throws ConflictError when a model of that name exists. */
  create(options: {
    name: string;
    source: ReleaseModelSource;
    definition: ReleaseModelDefinition;
    actor: string;
    now: string;
  }): Promise<StoredReleaseModel>;
  /**
   * Adds a revision. Throws ConflictError when the current revision is not
   * `expectedRevision`, NotFoundError when there is no such model.
   */
  update(options: {
    name: string;
    expectedRevision: number;
    definition: ReleaseModelDefinition;
    actor: string;
    now: string;
  }): Promise<StoredReleaseModel>;
}

import type {
  AuditFinding,
  CalendarDeployment,
  Deployment,
} from '@release-management/plugin-release-management-common';

/** A deployment as a pipeline reports it, after defaults are applied. */
export type DeploymentRecord = Omit<
  Deployment,
  'id' | 'revision' | 'createdAt' | 'updatedAt'
>;

/** The finding a new deployment makes, written with it. */
export type FindingInput = Omit<AuditFinding, 'id' | 'deploymentId'>;

/** What a list request asks for. */
export type DeploymentListFilter = {
  entityRef?: string;
  /** Deployments of any of these entities. */
  entityRefs?: string[];
  environment?: string;
  releaseId?: string;
  /** Started at or after. */
  from?: string;
  /** Started before. */
  to?: string;
  limit: number;
  offset: number;
};

/** Storage of deployments and audit findings. */
export interface DeploymentStore {
  /**
   * Records a deployment by its external id in one transaction: inserts it
   * the first time, otherwise lets `merge` turn the stored one into the
   * update (or refuse it by throwing). `finding` is written with a new
   * deployment only, so a repeated record never makes a second one.
   */
  record(options: {
    id: string;
    record: DeploymentRecord;
    now: string;
    merge: (existing: Deployment) => Partial<DeploymentRecord>;
    finding?: FindingInput;
  }): Promise<{
    deployment: Deployment;
    created: boolean;
    finding?: AuditFinding;
  }>;
  get(id: string): Promise<Deployment | undefined>;
  list(
    filter: DeploymentListFilter,
  ): Promise<{ items: Deployment[]; totalCount: number }>;
  /** What calendars show, newest first, at most `limit`. */
  listForCalendar(
    filter: Omit<DeploymentListFilter, 'offset'>,
  ): Promise<CalendarDeployment[]>;
  addFinding(
    finding: FindingInput & { deploymentId?: string },
  ): Promise<AuditFinding>;
  listFindings(filter: {
    kind?: AuditFinding['kind'];
    releaseId?: string;
    deploymentId?: string;
  }): Promise<AuditFinding[]>;
}

import { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  AuditFinding,
  CalendarDeployment,
  Deployment,
} from '@release-management/plugin-release-management-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import type {
  DeploymentListFilter,
  DeploymentRecord,
  DeploymentStore,
  FindingInput,
} from './DeploymentStore';
import { toStoredInstant } from './instants';
import { getMigratedClient } from './migrations';
import { IN_CHUNK } from './releaseRows';

type DeploymentRow = {
  id: string;
  external_id: string;
  entity_ref: string;
  environment: string;
  production: boolean | number;
  version: string;
  status: Deployment['status'];
  started_at: string;
  finished_at: string | null;
  pipeline_url: string | null;
  release_id: string | null;
  recorded_by: string;
  revision: number;
  created_at: string;
  updated_at: string;
};

type FindingRow = {
  id: string;
  kind: AuditFinding['kind'];
  entity_ref: string;
  environment: string;
  deployment_id: string | null;
  release_id: string | null;
  actor: string;
  message: string;
  details: string;
  at: string;
};

/** Deployments and audit findings in the plugin's database. */
export class DatabaseDeploymentStore implements DeploymentStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDeploymentStore> {
    return new DatabaseDeploymentStore(
      await getMigratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async record(options: {
    id: string;
    record: DeploymentRecord;
    now: string;
    merge: (existing: Deployment) => Partial<DeploymentRecord>;
    finding?: FindingInput;
  }) {
    return this.db.transaction(async tx => {
      const { id, record, now } = options;
      // Insert-or-ignore on the unique external id, then read back: two
      // pipelines racing on one id end with one row, on SQLite and
      // PostgreSQL alike, without a failed statement aborting the
      // transaction.
      await tx<DeploymentRow>('deployments')
        .insert({
          ...recordColumns(record),
          id,
          external_id: record.externalId,
          recorded_by: record.recordedBy,
          revision: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict('external_id')
        .ignore();
      const row = (await tx<DeploymentRow>('deployments')
        .where({ external_id: record.externalId })
        .modify(q => {
          // Serialises concurrent updates of one deployment; SQLite locks
          // the whole database for the transaction anyway.
          if (tx.client.config.client === 'pg') q.forUpdate();
        })
        .first())!;
      if (row.id === id) {
        let finding: AuditFinding | undefined;
        if (options.finding) {
          finding = await insertFinding(tx, {
            ...options.finding,
            deploymentId: id,
          });
        }
        return { deployment: fromRow(row), created: true, finding };
      }
      const patch = options.merge(fromRow(row));
      const updated: DeploymentRow = {
        ...row,
        ...recordColumns(patch),
        recorded_by: patch.recordedBy ?? row.recorded_by,
        revision: Number(row.revision) + 1,
        updated_at: now,
      };
      await tx<DeploymentRow>('deployments')
        .where({ id: row.id })
        .update(updated);
      return { deployment: fromRow(updated), created: false };
    });
  }

  async get(id: string): Promise<Deployment | undefined> {
    const row = await this.db<DeploymentRow>('deployments')
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async list(
    filter: DeploymentListFilter,
  ): Promise<{ items: Deployment[]; totalCount: number }> {
    const query = this.db<DeploymentRow>('deployments').where(b =>
      applyFilter(b, filter),
    );
    const [{ count }] = await query
      .clone()
      .count<{ count: number | string }[]>({ count: '*' });
    const rows = await query
      .clone()
      .select('*')
      .orderBy('started_at', 'desc')
      .orderBy('id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset);
    return { items: rows.map(fromRow), totalCount: Number(count) };
  }

  async listForCalendar(
    filter: Omit<DeploymentListFilter, 'offset'>,
  ): Promise<CalendarDeployment[]> {
    const rows = await this.db<DeploymentRow>('deployments')
      .where(b => applyFilter(b, { ...filter, offset: 0 }))
      .select(
        'id',
        'entity_ref',
        'environment',
        'production',
        'version',
        'status',
        'started_at',
        'finished_at',
        'pipeline_url',
        'release_id',
      )
      .orderBy('started_at', 'desc')
      .orderBy('id', 'asc')
      .limit(filter.limit);
    return rows.map(row => {
      const { externalId, recordedBy, revision, createdAt, updatedAt, ...d } =
        fromRow(row as DeploymentRow);
      return d;
    });
  }

  async addFinding(
    finding: FindingInput & { deploymentId?: string },
  ): Promise<AuditFinding> {
    return insertFinding(this.db, finding);
  }

  async listFindings(filter: {
    kind?: AuditFinding['kind'];
    releaseId?: string;
    deploymentId?: string;
  }): Promise<AuditFinding[]> {
    const rows = await this.db<FindingRow>('audit_findings')
      .modify(q => {
        if (filter.kind) q.where('kind', filter.kind);
        if (filter.releaseId) q.where('release_id', filter.releaseId);
        if (filter.deploymentId) q.where('deployment_id', filter.deploymentId);
      })
      .orderBy('at', 'asc')
      .orderBy('id', 'asc');
    return rows.map(findingFromRow);
  }
}

function applyFilter(builder: Knex.QueryBuilder, filter: DeploymentListFilter) {
  if (filter.entityRef) builder.where('entity_ref', filter.entityRef);
  if (filter.entityRefs) {
    const refs = filter.entityRefs;
    // An empty set of entities has no deployments; long sets are chunked
    // for SQLite's bound-parameter limit.
    builder.where(outer => {
      if (refs.length === 0) outer.whereRaw('1 = 0');
      for (let i = 0; i < refs.length; i += IN_CHUNK) {
        outer.orWhereIn('entity_ref', refs.slice(i, i + IN_CHUNK));
      }
    });
  }
  if (filter.environment) builder.where('environment', filter.environment);
  if (filter.releaseId) builder.where('release_id', filter.releaseId);
  if (filter.from) {
    builder.where('started_at', '>=', toStoredInstant(filter.from));
  }
  if (filter.to) builder.where('started_at', '<', toStoredInstant(filter.to));
}

async function insertFinding(
  db: Knex | Knex.Transaction,
  finding: FindingInput & { deploymentId?: string },
): Promise<AuditFinding> {
  const row: FindingRow = {
    id: randomUUID(),
    kind: finding.kind,
    entity_ref: finding.entityRef,
    environment: finding.environment,
    deployment_id: finding.deploymentId ?? null,
    release_id: finding.releaseId,
    actor: finding.actor,
    message: finding.message,
    details: JSON.stringify(finding.details),
    at: toStoredInstant(finding.at),
  };
  await db<FindingRow>('audit_findings').insert(row);
  return findingFromRow(row);
}

function recordColumns(record: Partial<DeploymentRecord>) {
  const columns: Partial<DeploymentRow> = {};
  if (record.entityRef !== undefined) columns.entity_ref = record.entityRef;
  if (record.environment !== undefined)
    columns.environment = record.environment;
  if (record.production !== undefined) columns.production = record.production;
  if (record.version !== undefined) columns.version = record.version;
  if (record.status !== undefined) columns.status = record.status;
  if (record.startedAt !== undefined)
    columns.started_at = toStoredInstant(record.startedAt);
  if (record.finishedAt !== undefined)
    columns.finished_at = record.finishedAt
      ? toStoredInstant(record.finishedAt)
      : null;
  if (record.pipelineUrl !== undefined)
    columns.pipeline_url = record.pipelineUrl;
  if (record.releaseId !== undefined) columns.release_id = record.releaseId;
  return columns;
}

function fromRow(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    externalId: row.external_id,
    entityRef: row.entity_ref,
    environment: row.environment,
    production: Boolean(row.production),
    version: row.version,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pipelineUrl: row.pipeline_url,
    releaseId: row.release_id,
    recordedBy: row.recorded_by,
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function findingFromRow(row: FindingRow): AuditFinding {
  return {
    id: row.id,
    kind: row.kind,
    entityRef: row.entity_ref,
    environment: row.environment,
    deploymentId: row.deployment_id,
    releaseId: row.release_id,
    actor: row.actor,
    message: row.message,
    details: JSON.parse(row.details),
    at: row.at,
  };
}

import { ConflictError } from '@backstage/errors';
import type {
  Deployment,
  DeploymentPage,
  RecordDeploymentResponse,
  recordDeploymentRequestSchema,
} from '@release-management/plugin-release-management-common';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  DeploymentListFilter,
  DeploymentStore,
  FindingInput,
} from '../database/DeploymentStore';
import type { Actor } from '../domain/approvers';
import {
  coveringRelease,
  LINKABLE_STATUSES,
  sameVersion,
} from '../domain/deploymentCoverage';
import {
  FINAL_DEPLOYMENT_STATUSES,
  nextDeploymentStatus,
} from '../domain/deploymentStatus';
import type { Clock } from './Clock';
import type { ReleaseCandidates } from './ReleaseCandidates';

type RecordRequest = z.output<typeof recordDeploymentRequestSchema>;

/** The environments that count as production unless configured. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];

/**
 * Deployments reported by pipelines: recorded idempotently by external id,
 * linked to the release that covers them, and a production deployment
 * that no release covers made an audit finding.
 */
export class DeploymentService {
  private readonly production: Set<string>;

  constructor(
    private readonly deps: {
      store: DeploymentStore;
      candidates: ReleaseCandidates;
      clock: Clock;
      productionEnvironments?: string[];
    },
  ) {
    this.production = new Set(
      (deps.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS).map(e =>
        e.toLocaleLowerCase('en-US'),
      ),
    );
  }

  isProduction(environment: string): boolean {
    return this.production.has(environment.toLocaleLowerCase('en-US'));
  }

  async record(
    request: RecordRequest,
    actor: Actor,
  ): Promise<RecordDeploymentResponse> {
    const now = this.deps.clock.now().toISOString();
    const startedAt = request.startedAt ?? now;
    const final = FINAL_DEPLOYMENT_STATUSES.includes(request.status);
    const production = this.isProduction(request.environment);
    // The link and the finding are decided by when the deployment started,
    // which is when a release had to cover it.
    const candidates = await this.deps.candidates.around(
      request.entityRef,
      startedAt,
    );
    const linked = coveringRelease(
      candidates,
      { entityRef: request.entityRef, version: request.version, at: startedAt },
      LINKABLE_STATUSES,
    );
    const finding: FindingInput | undefined =
      production && !linked
        ? {
            kind: 'deployment-without-release',
            entityRef: request.entityRef,
            environment: request.environment,
            releaseId: null,
            actor: actor.ref,
            message: `${request.entityRef} ${request.version} was deployed to ${request.environment} at ${startedAt} with no release covering it`,
            details: {
              version: request.version,
              externalId: request.externalId,
              ...(request.pipelineUrl
                ? { pipelineUrl: request.pipelineUrl }
                : {}),
            },
            at: now,
          }
        : undefined;

    return this.deps.store.record({
      id: randomUUID(),
      now,
      record: {
        externalId: request.externalId,
        entityRef: request.entityRef,
        environment: request.environment,
        production,
        version: request.version,
        status: request.status,
        startedAt,
        finishedAt: request.finishedAt ?? (final ? now : null),
        pipelineUrl: request.pipelineUrl ?? null,
        releaseId: linked?.id ?? null,
        recordedBy: actor.ref,
      },
      finding,
      merge: existing => {
        assertSameDeployment(existing, request);
        return {
          status: nextDeploymentStatus(existing.status, request.status),
          ...(request.startedAt ? { startedAt: request.startedAt } : {}),
          ...(request.finishedAt || (final && !existing.finishedAt)
            ? { finishedAt: request.finishedAt ?? now }
            : {}),
          ...(request.pipelineUrl ? { pipelineUrl: request.pipelineUrl } : {}),
          recordedBy: actor.ref,
        };
      },
    });
  }

  async list(filter: DeploymentListFilter): Promise<DeploymentPage> {
    const { items, totalCount } = await this.deps.store.list(filter);
    return { items, totalCount, limit: filter.limit, offset: filter.offset };
  }
}

// One external id is one deployment: reusing it for another entity,
// environment or version is a pipeline bug that would corrupt history.
function assertSameDeployment(existing: Deployment, request: RecordRequest) {
  const differs = [
    existing.entityRef !== request.entityRef && 'entity',
    existing.environment !== request.environment && 'environment',
    !sameVersion(existing.version, request.version) && 'version',
  ].filter(Boolean);
  if (differs.length > 0) {
    throw new ConflictError(
      `External id "${request.externalId}" already names the deployment of ${
        existing.entityRef
      } ${existing.version} to ${
        existing.environment
      }; a different ${differs.join(' and ')} needs its own external id`,
    );
  }
}

import { NotAllowedError } from '@backstage/errors';
import {
  deploymentOverridePermission,
  type GateResponse,
  type gateRequestSchema,
} from '@release-management/plugin-release-management-common';
import type { z } from 'zod';
import type { CatalogSnapshotService } from '../analysis/CatalogSnapshotService';
import type { DeploymentStore } from '../database/DeploymentStore';
import type { Actor } from '../domain/approvers';
import { decideGate, type GateFreeze } from '../domain/deploymentGate';
import { coverageOf, freezeCoversWith } from '../scheduling/freezeScope';
import type { Clock } from './Clock';
import type { DeploymentService } from './DeploymentService';
import type { FreezeWindowService } from './FreezeWindowService';
import type { ReleaseCandidates } from './ReleaseCandidates';

type GateRequest = z.output<typeof gateRequestSchema>;

/**
 * The deployment gate: loads the releases and freezes around the asked-for
 * instant, lets the pure rules decide, and keeps an audit finding of every
 * freeze overridden.
 */
export class DeploymentGateService {
  constructor(
    private readonly deps: {
      candidates: ReleaseCandidates;
      deployments: Pick<DeploymentService, 'isProduction'>;
      freezeWindows: FreezeWindowService;
      snapshots: Pick<CatalogSnapshotService, 'current'>;
      store: DeploymentStore;
      clock: Clock;
    },
  ) {}

  /**
   * `canOverride` is asked only when the answer depends on it: when an
   * emergency release would take the deployment through a hard freeze.
   */
  async decide(
    request: GateRequest,
    actor: Actor,
    canOverride: () => Promise<boolean>,
  ): Promise<GateResponse> {
    const now = this.deps.clock.now().toISOString();
    const at = request.at ?? now;
    const production = this.deps.deployments.isProduction(request.environment);
    const [releases, freezes] = production
      ? await Promise.all([
          this.deps.candidates.around(request.entityRef, at),
          this.freezesAt(request.entityRef, at),
        ])
      : [[], []];
    const outcome = decideGate({
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      at,
      production,
      releases,
      freezes,
      override: request.override,
    });

    if (outcome.overridden) {
      if (!(await canOverride())) {
        throw new NotAllowedError(
          `You are not allowed to deploy through a freeze (permission ${deploymentOverridePermission.name})`,
        );
      }
      const hard = freezes.filter(f => f.severity === 'hard');
      await this.deps.store.addFinding({
        kind: 'freeze-override',
        entityRef: request.entityRef,
        environment: request.environment,
        releaseId: outcome.release ?? null,
        actor: actor.ref,
        message: `${request.entityRef} ${request.version} let into ${
          request.environment
        } through ${hard.map(f => `"${f.title}"`).join(', ')}: ${
          request.override!.justification
        }`,
        details: {
          version: request.version,
          justification: request.override!.justification,
          freezes: hard.map(f => ({ id: f.freezeWindowId, title: f.title })),
        },
        at: now,
      });
    }
    return {
      ...outcome,
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      at,
    };
  }

  /** Freeze occurrences that hold the instant and reach the entity. */
  private async freezesAt(
    entityRef: string,
    at: string,
  ): Promise<GateFreeze[]> {
    const next = new Date(Date.parse(at) + 1).toISOString();
    const occurrences = await this.deps.freezeWindows.occurrences(at, next);
    if (occurrences.length === 0) return [];
    const coverage = coverageOf(
      (await this.deps.snapshots.current()).graph,
      entityRef,
    );
    const out: GateFreeze[] = [];
    for (const o of occurrences) {
      const how = freezeCoversWith(o.scope, coverage);
      if (!how) continue;
      out.push({
        freezeWindowId: o.freezeWindowId,
        title: o.title,
        severity: o.severity,
        start: o.start,
        end: o.end,
        how: `${how} (${entityRef})`,
      });
    }
    return out;
  }
}

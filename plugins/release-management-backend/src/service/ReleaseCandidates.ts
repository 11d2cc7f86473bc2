import { evaluateGates } from '../domain/gates';
import { allowedTargets } from '../domain/lifecycle';
import type { GateRelease } from '../domain/deploymentGate';
import type { ReleaseStore, StoredRelease } from '../database/ReleaseStore';
import type { ReleaseService } from './ReleaseService';

/** Most releases of one entity looked at around one instant. */
const CANDIDATE_LIMIT = 100;

/** How far around the instant releases are looked at. */
const NEAR = 24 * 3_600_000;

/**
 * The releases that could cover a deployment of an entity at an instant,
 * with what the gate needs of their models: those planned within a day of
 * it (so that the gate can say "planned for 14:00, not now"), and those
 * running whatever their window says.
 */
export class ReleaseCandidates {
  constructor(
    private readonly releaseStore: ReleaseStore,
    private readonly releases: Pick<ReleaseService, 'modelDefinition'>,
  ) {}

  async around(entityRef: string, at: string): Promise<GateRelease[]> {
    const t = Date.parse(at);
    const [inWindow, running] = await Promise.all([
      this.releaseStore.list({
        entityRef,
        from: new Date(t - NEAR).toISOString(),
        to: new Date(t + NEAR).toISOString(),
        limit: CANDIDATE_LIMIT,
        offset: 0,
      }),
      this.releaseStore.list({
        entityRef,
        statuses: ['in-progress'],
        limit: CANDIDATE_LIMIT,
        offset: 0,
      }),
    ]);
    const byId = new Map<string, StoredRelease>();
    for (const r of [...inWindow.items, ...running.items]) byId.set(r.id, r);
    return Promise.all(
      [...byId.values()].map(async release => {
        const model = await this.releases.modelDefinition(release);
        const candidate: GateRelease = {
          id: release.id,
          title: release.title,
          status: release.status,
          plannedWindow: release.plannedWindow,
          actualStart: release.actualStart,
          actualEnd: release.actualEnd,
          scope: release.scope,
          model: {
            name: release.model.name,
            releaseType: model.releaseType,
            freezeOverrideAllowed: model.schedulingPolicy.freezeOverrideAllowed,
          },
        };
        // Waiting for approval: the next step the model allows is to be
        // scheduled, and these gates are still closed.
        if (
          release.status !== 'scheduled' &&
          allowedTargets(model, release.status).includes('scheduled')
        ) {
          candidate.awaiting = evaluateGates(release, model, 'scheduled').map(
            f => f.message,
          );
        }
        return candidate;
      }),
    );
  }
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AnalysisService } from '../analysis/AnalysisService';
import type { StoredRelease } from '../database/ReleaseStore';

/** How far the impact walk for owners goes; the impact endpoint's defaults. */
const LIMITS = { maxDepth: 6, maxEntities: 2000 };

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The owners a release concerns: the owners of its scope and of every
 * entity its impact reaches. They are told about it, may acknowledge it
 * and rate it.
 */
export class ImpactedOwners {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly logger: LoggerService,
  ) {}

  async of(release: Pick<StoredRelease, 'id' | 'scope'>): Promise<string[]> {
    const owners = new Set<string>();
    for (const item of release.scope) {
      if (item.owner) owners.add(lower(item.owner));
    }
    if (release.scope.length > 0) {
      try {
        const impact = await this.analysis.impact(
          { entityRef: release.scope.map(s => s.entityRef) },
          LIMITS,
        );
        for (const owner of impact.owners) owners.add(lower(owner.ref));
      } catch (error) {
        // Without a catalog snapshot the scope's own owners still count.
        this.logger.warn(
          `Impacted owners of release ${release.id} from its scope only: ${
            (error as Error).message
          }`,
        );
      }
    }
    return [...owners].sort();
  }

  /** The impacted owners a user speaks for: their own ref or a group of theirs. */
  async ownedBy(
    release: Pick<StoredRelease, 'id' | 'scope'>,
    ownershipEntityRefs: string[],
  ): Promise<{ all: string[]; theirs: string[] }> {
    const all = await this.of(release);
    const mine = new Set(ownershipEntityRefs.map(lower));
    return { all, theirs: all.filter(owner => mine.has(owner)) };
  }
}

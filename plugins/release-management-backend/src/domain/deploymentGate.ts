import type {
  GateDecision,
  GateReason,
  ReleaseType,
} from '@release-management/plugin-release-management-common';
import {
  covers,
  coveringRelease,
  sameVersion,
  scopeItemOf,
  timeCovers,
  type CoverageCandidate,
} from './deploymentCoverage';

/** Releases a deployment may go ahead under: approved for their window. */
export const GATE_STATUSES: CoverageCandidate['status'][] = [
  'in-progress',
  'scheduled',
];

/** A release with the entity in scope, as the gate sees it. */
export type GateRelease = CoverageCandidate & {
  model: {
    name: string;
    releaseType: ReleaseType;
    freezeOverrideAllowed: boolean;
  };
  /**
   * Set when the release waits for approval: it may move to scheduled next
   * and these are the gates (in words) still in the way.
   */
  awaiting?: string[];
};

/** A freeze occurrence that covers the entity at the gate's time. */
export type GateFreeze = {
  freezeWindowId: string;
  title: string;
  severity: 'hard' | 'soft';
  start: string;
  end: string;
  /** How the freeze reaches the entity, e.g. "is inherited from system:…". */
  how: string;
};

export type GateInput = {
  entityRef: string;
  environment: string;
  version: string;
  at: string;
  production: boolean;
  releases: GateRelease[];
  freezes: GateFreeze[];
  override?: { justification: string };
};

export type GateOutcome = {
  decision: GateDecision;
  reasons: GateReason[];
  release?: string;
  /** A hard freeze was let through with the override's justification. */
  overridden: boolean;
};

/**
 * May this version of this entity be deployed to this environment now?
 *
 * - allowed: a scheduled or in-progress release covers it (entity and
 *   version in scope, time in its window) and no hard freeze applies, or a
 *   hard freeze is overridden through an emergency release;
 * - awaiting: no such release, but one that covers it waits for approval;
 * - prevented: otherwise, with every reason in words.
 *
 * Only production is gated: other environments are where changes are
 * tried before anyone decides to release them.
 */
export function decideGate(input: GateInput): GateOutcome {
  const target = {
    entityRef: input.entityRef,
    version: input.version,
    at: input.at,
  };
  if (!input.production) {
    return {
      decision: 'allowed',
      reasons: [
        {
          kind: 'not-production',
          message: `${input.environment} is not a production environment; deployments there need no release`,
        },
      ],
      overridden: false,
    };
  }

  const reasons: GateReason[] = [];
  const covering = coveringRelease(input.releases, target, GATE_STATUSES);
  const hard = input.freezes.filter(f => f.severity === 'hard');
  for (const freeze of input.freezes) {
    if (freeze.severity === 'soft') {
      reasons.push({
        kind: 'soft-freeze',
        freezeWindowId: freeze.freezeWindowId,
        message: `Soft freeze "${freeze.title}" (${freeze.start} – ${freeze.end}) ${freeze.how}: deploy with care`,
      });
    }
  }

  if (covering) {
    reasons.unshift({
      kind: 'covered',
      releaseId: covering.id,
      message: `Release "${covering.title}" (${covering.status}) covers ${
        input.entityRef
      } ${input.version}${windowWords(covering)}`,
    });
    if (hard.length === 0) {
      return {
        decision: 'allowed',
        reasons,
        release: covering.id,
        overridden: false,
      };
    }
  }

  for (const freeze of hard) {
    reasons.push({
      kind: 'hard-freeze',
      freezeWindowId: freeze.freezeWindowId,
      message: `Hard freeze "${freeze.title}" (${freeze.start} – ${freeze.end}) ${freeze.how}`,
    });
  }

  if (covering && input.override) {
    const { model } = covering;
    if (model.releaseType === 'emergency' && model.freezeOverrideAllowed) {
      reasons.push({
        kind: 'freeze-overridden',
        releaseId: covering.id,
        message: `Emergency release "${covering.title}" overrides the freeze: ${input.override.justification}`,
      });
      return {
        decision: 'allowed',
        reasons,
        release: covering.id,
        overridden: true,
      };
    }
    reasons.push({
      kind: 'override-refused',
      releaseId: covering.id,
      message: `Release "${covering.title}" follows model "${model.name}" (${model.releaseType}), which may not override freezes; only emergency models whose policy allows freeze overrides can`,
    });
  }
  if (covering) {
    return {
      decision: 'prevented',
      reasons,
      release: covering.id,
      overridden: false,
    };
  }

  const awaiting = input.releases
    .filter(r => r.awaiting && covers(r, target))
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (awaiting) {
    const pending = awaiting.awaiting!;
    reasons.unshift({
      kind: 'not-approved',
      releaseId: awaiting.id,
      message: `Release "${awaiting.title}" covers ${input.entityRef} ${
        input.version
      } but is ${awaiting.status} and not yet approved${
        pending.length ? `: ${pending.join('; ')}` : ''
      }`,
    });
    // Approval alone would not open a hard freeze: that is no wait.
    if (hard.length === 0) {
      return {
        decision: 'awaiting',
        reasons,
        release: awaiting.id,
        overridden: false,
      };
    }
  }

  reasons.unshift({
    kind: 'no-release',
    message: `No scheduled or in-progress release covers ${input.entityRef} ${input.version} in ${input.environment} at ${input.at}`,
  });
  for (const release of input.releases) {
    reasons.push(...nearMisses(release, input));
  }
  return { decision: 'prevented', reasons, overridden: false };
}

/** Why a release with the entity in scope does not cover the deployment. */
function nearMisses(release: GateRelease, input: GateInput): GateReason[] {
  const item = scopeItemOf(release, input.entityRef);
  if (!item) return [];
  const out: GateReason[] = [];
  const name = `Release "${release.title}"`;
  if (!GATE_STATUSES.includes(release.status) && !release.awaiting) {
    out.push({
      kind: 'release-status',
      releaseId: release.id,
      message: `${name} has ${input.entityRef} in scope but is ${release.status}`,
    });
  }
  if (!sameVersion(item.version, input.version)) {
    out.push({
      kind: 'wrong-version',
      releaseId: release.id,
      message: `${name} releases ${input.entityRef} ${item.version}, not ${input.version}`,
    });
  }
  if (!timeCovers(release, input.at)) {
    out.push({
      kind: 'outside-window',
      releaseId: release.id,
      message: release.plannedWindow
        ? `${name} is planned for ${release.plannedWindow.start} – ${release.plannedWindow.end}; ${input.at} is outside it`
        : `${name} has no planned window`,
    });
  }
  return out;
}

function windowWords(release: CoverageCandidate): string {
  const w = release.plannedWindow;
  return w ? ` in its window ${w.start} – ${w.end}` : '';
}

import type {
  Conflict,
  FreezeOccurrence,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import type { CatalogGraph } from '../analysis/CatalogGraph';
import { coverageOf, freezeMatcher } from './freezeScope';
import { maintenanceOccurrences } from './maintenanceWindows';

/** A release as the conflict rules see it. */
export type ScheduledRelease = {
  id: string;
  title: string;
  scope: string[];
  start: string;
  end: string;
  /**
   * The caller may not read this release: it is reported by its window
   * alone, as a busy block, with no id, title or scope.
   */
  restricted?: boolean;
};

export type ConflictInput = {
  graph: CatalogGraph;
  plan: {
    scope: string[];
    start: string;
    end: string;
    model: ReleaseModelDefinition;
  };
  /** Other releases whose windows may overlap the plan (not the plan itself). */
  others: ScheduledRelease[];
  /** Freeze occurrences that may overlap the plan. */
  freezes: FreezeOccurrence[];
  now: Date;
};

/**
 * Every reason a planned window is a problem. Windows are half-open, so
 * touching windows never conflict. Pure: the caller loads the releases and
 * freeze occurrences near the window.
 */
export function detectConflicts(input: ConflictInput): Conflict[] {
  const { graph, plan, now } = input;
  const conflicts: Conflict[] = [];
  const scope = new Set(plan.scope);
  const planStart = Date.parse(plan.start);
  const planEnd = Date.parse(plan.end);
  const overlaps = (o: { start: string; end: string }) =>
    Date.parse(o.start) < planEnd && planStart < Date.parse(o.end);
  const others = input.others.filter(overlaps);
  const releaseParty = (o: ScheduledRelease): Conflict['other'] =>
    o.restricted
      ? { type: 'restricted-release', start: o.start, end: o.end }
      : {
          type: 'release',
          id: o.id,
          title: o.title,
          start: o.start,
          end: o.end,
        };

  // Neighbours of the scope: what it depends on, what depends on it, and
  // the two ends of the APIs it provides or consumes. Only an entity that
  // an overlapping release changes can make a neighbour conflict, so the
  // walk notes those alone: a scope next to a hub then does not copy the
  // hub's thousands of dependents into a map for nothing.
  const changed = new Set<number>();
  for (const other of others) {
    for (const ref of other.scope) {
      const i = graph.indexOf(ref);
      if (i !== undefined) changed.add(i);
    }
  }
  const neighbours = new Map<
    string,
    Array<{ kind: Conflict['kind']; of: string }>
  >();
  const note = (j: number, kind: Conflict['kind'], of: string) => {
    if (!changed.has(j)) return;
    const ref = graph.node(j).ref;
    if (scope.has(ref)) return;
    let list = neighbours.get(ref);
    if (!list) neighbours.set(ref, (list = []));
    list.push({ kind, of });
  };
  if (changed.size > 0) {
    const dependsOn = graph.adjacency('dependsOn');
    const dependencyOf = graph.adjacency('dependencyOf');
    const consumesApi = graph.adjacency('consumesApi');
    const apiProvidedBy = graph.adjacency('apiProvidedBy');
    const providesApi = graph.adjacency('providesApi');
    const apiConsumedBy = graph.adjacency('apiConsumedBy');
    // Index loops over the raw adjacency: no view allocated per node.
    const each = (
      { offsets, targets }: { offsets: Int32Array; targets: Int32Array },
      i: number,
      visit: (j: number) => void,
    ) => {
      for (let k = offsets[i]; k < offsets[i + 1]; k++) visit(targets[k]);
    };
    for (const ref of plan.scope) {
      const i = graph.indexOf(ref);
      if (i === undefined) continue;
      each(dependsOn, i, d => note(d, 'dependency', ref));
      each(dependencyOf, i, d => note(d, 'dependent', ref));
      each(consumesApi, i, api => {
        each(apiProvidedBy, api, p => note(p, 'api-provider', ref));
        note(api, 'api-provider', ref);
      });
      const consumersOf = (api: number) =>
        each(apiConsumedBy, api, c => note(c, 'api-consumer', ref));
      if (graph.node(i).kind === 'api') consumersOf(i);
      else each(providesApi, i, consumersOf);
    }
  }

  const words: Record<string, string> = {
    dependency: 'which it depends on',
    dependent: 'which depends on it',
    'api-provider': 'which provides an API it consumes',
    'api-consumer': 'which consumes an API it provides',
  };
  for (const other of others) {
    for (const ref of other.scope) {
      if (scope.has(ref)) {
        conflicts.push({
          kind: 'same-entity',
          severity: 'blocking',
          entityRef: ref,
          other: releaseParty(other),
          overridable: true,
          message: other.restricted
            ? `${ref} is also in a restricted release (${other.start} – ${other.end}), whose window overlaps`
            : `${ref} is also in release "${other.title}" (${other.start} – ${other.end}), whose window overlaps`,
        });
      }
      for (const n of neighbours.get(ref) ?? []) {
        conflicts.push({
          kind: n.kind,
          severity: 'warning',
          entityRef: n.of,
          other: releaseParty(other),
          overridable: true,
          // Which neighbour a restricted release changes is its scope.
          message: other.restricted
            ? `A restricted release changes an entity ${words[n.kind]} (${
                n.of
              }) in an overlapping window (${other.start} – ${other.end})`
            : `Release "${other.title}" changes ${ref}, ${words[n.kind]} (${
                n.of
              }), in an overlapping window`,
        });
      }
    }
  }

  const freezes = input.freezes.filter(overlaps);
  const coverage = freezes.length
    ? plan.scope.map(ref => coverageOf(graph, ref))
    : [];
  for (const freeze of coverage.length > 0 ? freezes : []) {
    // What every conflict with this freeze shares is made once: a busy
    // window meets a hundred freezes that each cover dozens of entities.
    const hard = freeze.severity === 'hard';
    const severity = hard ? ('blocking' as const) : ('warning' as const);
    const overridable =
      !hard || plan.model.schedulingPolicy.freezeOverrideAllowed;
    const party = {
      type: 'freeze-window' as const,
      id: freeze.freezeWindowId,
      title: freeze.title,
      start: freeze.start,
      end: freeze.end,
    };
    const sentence = `${hard ? 'Hard' : 'Soft'} freeze "${freeze.title}" (${
      freeze.start
    } – ${freeze.end})`;
    const covers = freezeMatcher(freeze.scope);
    for (const entity of coverage) {
      const ref = entity.entityRef;
      const how = covers(entity);
      if (!how) continue;
      conflicts.push({
        kind: 'freeze',
        severity,
        entityRef: ref,
        other: party,
        overridable,
        message: `${sentence} ${how} for ${ref}`,
      });
    }
  }

  const policy = plan.model.schedulingPolicy;
  if (
    policy.maintenanceWindows.length > 0 &&
    !insideMaintenanceWindow(plan, policy.maintenanceWindows)
  ) {
    conflicts.push({
      kind: 'outside-maintenance-window',
      severity: 'warning',
      overridable: true,
      message: `The window is not inside one of the model's maintenance windows (${policy.maintenanceWindows
        .map(w => w.title)
        .join(', ')})`,
    });
  }

  const leadHours = (Date.parse(plan.start) - now.getTime()) / 3_600_000;
  if (leadHours < policy.minimumLeadTimeHours) {
    conflicts.push({
      kind: 'lead-time',
      severity: 'blocking',
      overridable: true,
      message:
        leadHours < 0
          ? `The window started ${(-leadHours).toFixed(
              1,
            )} hours ago; a release is planned before its window starts`
          : `The window starts in ${leadHours.toFixed(
              1,
            )} hours; the model asks for at least ${
              policy.minimumLeadTimeHours
            }`,
    });
  }

  const limit = policy.maxConcurrentReleasesPerSystem;
  if (limit !== undefined) {
    const systemsOf = (refs: string[]) => {
      const systems = new Set<string>();
      for (const ref of refs) {
        if (graph.indexOf(ref) === undefined) continue;
        for (const c of coverageOf(graph, ref).containers)
          if (c.startsWith('system:')) systems.add(c);
      }
      return systems;
    };
    const systemsOfOthers = others.map(o => systemsOf(o.scope));
    for (const system of systemsOf(plan.scope)) {
      const concurrent = others.filter((_, k) =>
        systemsOfOthers[k].has(system),
      );
      if (concurrent.length + 1 > limit) {
        conflicts.push({
          kind: 'concurrency-limit',
          severity: 'blocking',
          overridable: true,
          message: `${
            concurrent.length
          } other release(s) of ${system} overlap (${concurrent
            .map(o => (o.restricted ? 'a restricted release' : `"${o.title}"`))
            .join(', ')}); the model allows ${limit} at a time`,
        });
      }
    }
  }
  return conflicts;
}

function insideMaintenanceWindow(
  plan: { start: string; end: string },
  windows: ReleaseModelDefinition['schedulingPolicy']['maintenanceWindows'],
): boolean {
  const start = Date.parse(plan.start);
  const end = Date.parse(plan.end);
  return windows.some(window =>
    maintenanceOccurrences(
      window,
      new Date(start - 8 * 86_400_000).toISOString(),
      plan.end,
    ).some(o => Date.parse(o.start) <= start && Date.parse(o.end) >= end),
  );
}

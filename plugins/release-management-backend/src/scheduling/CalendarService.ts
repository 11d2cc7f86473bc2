import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  type CalendarResponse,
  type FreezeOccurrence,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { NotFoundError } from '@backstage/errors';
import { identifyModel } from '../analysis/applicableModel';
import type { CatalogGraph } from '../analysis/CatalogGraph';
import type { CatalogSnapshotService } from '../analysis/CatalogSnapshotService';
import type { DeploymentStore } from '../database/DeploymentStore';
import type { ReleaseRuleFilter, ReleaseStore } from '../database/ReleaseStore';
import type { FreezeWindowService } from '../service/FreezeWindowService';
import type { ReleaseModelService } from '../service/ReleaseModelService';
import { maintenanceOccurrences } from './maintenanceWindows';
import { coverageOf, freezeMatcher } from './freezeScope';

/** Most releases one calendar answer holds. */
export const CALENDAR_LIMIT = 1000;
/** Most entities a transitive neighbourhood takes in. */
const NEIGHBOURHOOD_LIMIT = 2000;

export type CalendarRequest = {
  from: string;
  to: string;
  entityRef?: string;
  neighbours: 'none' | 'direct' | 'transitive';
  system?: string;
  domain?: string;
  owner?: string;
  status?: ReleaseStatus[];
  model?: string[];
  permission?: PermissionCriteria<ReleaseRuleFilter>;
  /** Whether to show deployments: callers who may read them. */
  deployments?: boolean;
  /**
   * Whether to show freeze occurrences and the model's maintenance
   * windows: callers who may read freeze windows and models. Shown when
   * not given.
   */
  freezes?: boolean;
  maintenanceWindows?: boolean;
};

type Reason = CalendarResponse['releases'][number]['reason'];
const PRECEDENCE: Reason[] = [
  'own',
  'dependency',
  'dependent',
  'member',
  'owned',
  'all',
];

/** Why a release is in a calendar, and the member entity that brought it in. */
function reasonOf(
  scope: string[],
  members: Map<string, { reason: Reason }> | undefined,
): { reason: Reason; via?: string } {
  let reason: Reason = 'all';
  let via: string | undefined;
  for (const ref of scope) {
    const hit = members?.get(ref);
    if (hit && PRECEDENCE.indexOf(hit.reason) < PRECEDENCE.indexOf(reason)) {
      reason = hit.reason;
      via = ref;
    }
  }
  return { reason, via };
}

/**
 * Calendars: the releases, freeze occurrences and maintenance windows in a
 * range for an entity and its neighbours, a system, a domain, an owner
 * group (with its sub-groups) or everything, each with why it is there.
 */
export class CalendarService {
  constructor(
    private readonly deps: {
      releaseStore: Pick<ReleaseStore, 'listSummaries'>;
      freezeWindows: FreezeWindowService;
      models: ReleaseModelService;
      snapshots: CatalogSnapshotService;
      deploymentStore?: DeploymentStore;
    },
  ) {}

  async calendar(request: CalendarRequest): Promise<CalendarResponse> {
    const snapshot = await this.deps.snapshots.current();
    const graph = snapshot.graph;
    const members = this.membersOf(graph, request);

    // Independent reads, started together: the cached ones share one
    // look at the change counters.
    const [{ items, more }, hidden, occurrences, models, deployments] =
      await Promise.all([
        this.deps.releaseStore.listSummaries({
          from: request.from,
          to: request.to,
          statuses: request.status,
          models: request.model,
          entityRefs: members ? [...members.keys()] : undefined,
          permission: request.permission,
          limit: CALENDAR_LIMIT,
        }),
        // What the caller may not read, through the same criteria turned
        // round: shown as busy windows and nothing more.
        request.permission
          ? this.deps.releaseStore.listSummaries({
              from: request.from,
              to: request.to,
              statuses: request.status,
              models: request.model,
              entityRefs: members ? [...members.keys()] : undefined,
              permission: { not: request.permission },
              limit: CALENDAR_LIMIT,
            })
          : { items: [], more: false },
        this.deps.freezeWindows.occurrences(request.from, request.to),
        request.entityRef ? this.deps.models.list() : [],
        request.deployments && this.deps.deploymentStore
          ? this.deps.deploymentStore.listForCalendar({
              from: request.from,
              to: request.to,
              entityRefs: members ? [...members.keys()] : undefined,
              limit: CALENDAR_LIMIT,
            })
          : [],
      ]);
    const releases = items.map(r => {
      const { reason, via } = reasonOf(r.scope, members);
      return { ...r, reason, ...(via ? { via } : {}) };
    });
    const busy = hidden.items.flatMap(r =>
      r.plannedWindow
        ? [
            {
              start: r.plannedWindow.start,
              end: r.plannedWindow.end,
              reason: reasonOf(r.scope, members).reason,
            },
          ]
        : [],
    );

    const freezes =
      request.freezes === false
        ? []
        : this.freezesFor(graph, occurrences, request, members);

    const maintenanceWindows = [];
    if (request.entityRef && request.maintenanceWindows !== false) {
      const i = graph.indexOf(request.entityRef)!;
      const applicable = identifyModel(
        graph.node(i),
        models.map(m => ({ name: m.name, definition: m })),
      );
      const model = models.find(m => m.name === applicable.model);
      for (const window of model?.schedulingPolicy.maintenanceWindows ?? []) {
        for (const o of maintenanceOccurrences(
          window,
          request.from,
          request.to,
        )) {
          maintenanceWindows.push({
            model: model!.name,
            title: window.title,
            timeZone: window.timeZone,
            ...o,
          });
        }
      }
    }

    return {
      from: request.from,
      to: request.to,
      releases,
      truncated: more || hidden.more,
      busy,
      freezes,
      maintenanceWindows,
      deployments,
      snapshot: this.deps.snapshots.info(snapshot),
    };
  }

  /** The entities of the calendar with why each is in it; undefined for everything. */
  private membersOf(
    graph: CatalogGraph,
    request: CalendarRequest,
  ): Map<string, { reason: Reason }> | undefined {
    const target =
      request.entityRef ?? request.system ?? request.domain ?? request.owner;
    if (!target) return undefined;
    const root = graph.indexOf(target);
    if (root === undefined) {
      throw new NotFoundError(`${target} is not in the catalog`);
    }
    const members = new Map<string, { reason: Reason }>();
    const add = (i: number, reason: Reason) => {
      const ref = graph.node(i).ref;
      if (!members.has(ref)) members.set(ref, { reason });
    };

    if (request.entityRef) {
      add(root, 'own');
      if (request.neighbours === 'none') return members;
      const depthLimit = request.neighbours === 'direct' ? 1 : 6;
      for (const [relation, reason] of [
        ['dependsOn', 'dependency'],
        ['dependencyOf', 'dependent'],
      ] as const) {
        let frontier = [root];
        for (let d = 0; d < depthLimit && frontier.length > 0; d++) {
          const next: number[] = [];
          for (const u of frontier) {
            const around = [...graph.related(u, relation)];
            // API provision counts as a dependency one way or the other.
            if (relation === 'dependsOn') {
              for (const api of graph.related(u, 'consumesApi')) {
                around.push(api, ...graph.related(api, 'apiProvidedBy'));
              }
            } else {
              for (const api of graph.related(u, 'providesApi')) {
                around.push(api, ...graph.related(api, 'apiConsumedBy'));
              }
            }
            for (const v of around) {
              if (members.size >= NEIGHBOURHOOD_LIMIT) break;
              if (members.has(graph.node(v).ref)) continue;
              add(v, reason);
              next.push(v);
            }
          }
          frontier = next;
        }
      }
      return members;
    }

    if (request.owner) {
      // The group and its sub-groups, then everything they own.
      const groups = new Set<string>();
      const stack = [root];
      while (stack.length > 0) {
        const g = stack.pop()!;
        const ref = graph.node(g).ref;
        if (groups.has(ref)) continue;
        groups.add(ref);
        stack.push(...graph.related(g, 'parentOf'));
      }
      graph.nodes.forEach((node, i) => {
        if (node.owner && groups.has(node.owner)) add(i, 'owned');
      });
      return members;
    }

    // A system or a domain: everything that is part of it, transitively.
    const stack = [root];
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (const child of graph.related(u, 'hasPart')) {
        if (members.has(graph.node(child).ref)) continue;
        add(child, 'member');
        stack.push(child);
      }
    }
    add(root, 'member');
    return members;
  }

  private freezesFor(
    graph: CatalogGraph,
    occurrences: FreezeOccurrence[],
    request: CalendarRequest,
    members: Map<string, { reason: Reason }> | undefined,
  ): CalendarResponse['freezes'] {
    const out: CalendarResponse['freezes'] = [];
    for (const occurrence of occurrences) {
      if (occurrence.scope.type === 'all') {
        out.push({
          ...occurrence,
          reason: 'all',
          explanation: 'applies to everything',
        });
        continue;
      }
      if (!members) {
        out.push({
          ...occurrence,
          reason: 'matches',
          explanation: 'a scoped freeze',
        });
        continue;
      }
      // For an entity calendar only the entity itself counts; for a group
      // of entities, the first one the freeze covers.
      const candidates = request.entityRef
        ? [request.entityRef]
        : [...members.keys()];
      const covers = freezeMatcher(occurrence.scope);
      for (const ref of candidates) {
        const how = covers(coverageOf(graph, ref));
        if (!how) continue;
        let reason: 'direct' | 'inherited' | 'matches' = 'matches';
        if (how === 'lists it') reason = 'direct';
        else if (how.startsWith('is inherited')) reason = 'inherited';
        out.push({ ...occurrence, reason, explanation: `${how} (${ref})` });
        break;
      }
    }
    return out;
  }
}

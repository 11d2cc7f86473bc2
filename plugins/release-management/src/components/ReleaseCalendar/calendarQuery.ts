import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  CalendarQuery,
  CalendarResponse,
  ReleaseStatus,
} from '@release-management/plugin-release-management-common';

/** The filters of the release calendar page. */
export type CalendarFilterValues = {
  /** At most one of system, domain and owner is set, as the API wants. */
  system?: string;
  domain?: string;
  owner?: string;
  model: string[];
  status: ReleaseStatus[];
};

/** Which entity a calendar is about, and with what; the range is added. */
export type CalendarBaseQuery = Omit<CalendarQuery, 'from' | 'to'>;

export const NO_FILTERS: CalendarFilterValues = { model: [], status: [] };

/**
 * Free text as a full entity ref: "checkout" typed into "System" means
 * `system:default/checkout`. Undefined for empty or unparseable text.
 */
export function completeEntityRef(
  text: string | null | undefined,
  defaultKind: string,
): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** The calendar query for a range, a base and the filters. */
export function calendarQuery(
  range: { from: string; to: string },
  base: CalendarBaseQuery,
  filters: CalendarFilterValues,
): CalendarQuery {
  const query: CalendarQuery = { ...range, ...base };
  // An entity calendar is about that entity; the API takes one subject.
  if (!base.entityRef && !base.system && !base.domain && !base.owner) {
    if (filters.system) query.system = filters.system;
    else if (filters.domain) query.domain = filters.domain;
    else if (filters.owner) query.owner = filters.owner;
  }
  if (filters.model.length > 0) query.model = filters.model;
  if (filters.status.length > 0) query.status = filters.status;
  return query;
}

/** Values seen in calendar answers, offered by the filters. */
export type SeenValues = {
  systems: string[];
  domains: string[];
  owners: string[];
  models: string[];
};

export const NOTHING_SEEN: SeenValues = {
  systems: [],
  domains: [],
  owners: [],
  models: [],
};

const merge = (a: string[], b: Iterable<string>) =>
  [...new Set([...a, ...b])].sort();

/**
 * What a calendar answer shows of systems, domains, owners and models:
 * scope entities that are systems, freeze scopes and release models.
 */
export function seenIn(
  seen: SeenValues,
  response: CalendarResponse,
): SeenValues {
  const systems = new Set<string>();
  const domains = new Set<string>();
  const owners = new Set<string>();
  for (const release of response.releases) {
    for (const ref of release.scope) {
      if (ref.startsWith('system:')) systems.add(ref);
      if (ref.startsWith('domain:')) domains.add(ref);
    }
  }
  for (const { scope } of response.freezes) {
    if (scope.type === 'systems') scope.refs.forEach(r => systems.add(r));
    if (scope.type === 'domains') scope.refs.forEach(r => domains.add(r));
    if (scope.type === 'owners') scope.refs.forEach(r => owners.add(r));
  }
  return {
    systems: merge(seen.systems, systems),
    domains: merge(seen.domains, domains),
    owners: merge(seen.owners, owners),
    models: merge(
      seen.models,
      response.releases.map(r => r.model),
    ),
  };
}

/*
 * A synthetic catalog with the shape of a large adopter's: relations per
 * entity p50 ≈ 4 and p99 ≈ 250 (the figures: 4 and ~260), from
 * systems of ~260 parts, teams owning ~330 entities each, a few hundred
 * shared platform libraries with ~260 dependents each, and preferential
 * attachment among services for the rest of the tail; one hub library
 * with up to 12,000 dependents; APIs provided and consumed across systems,
 * systems in domains. Deterministic for a given size (seeded PRNG).
 */
import type { Entity } from '@backstage/catalog-model';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticCatalog = {
  entities: Entity[];
  hubRef: string;
  componentRefs: string[];
};

const INVERSE: Record<string, string> = {
  dependsOn: 'dependencyOf',
  providesApi: 'apiProvidedBy',
  consumesApi: 'apiConsumedBy',
  partOf: 'hasPart',
  ownedBy: 'ownerOf',
};

const TYPES: Record<string, string> = { component: 'service', api: 'openapi' };

export function syntheticCatalog(
  size: number,
  hubDependents = 12_000,
): SyntheticCatalog {
  const random = prng(size);
  const domains = Math.max(3, Math.round(size / 5000));
  const systems = Math.max(6, Math.round(size / 260));
  const groups = Math.max(5, Math.round(size / 330));
  const apis = Math.round(size * 0.15);
  const resources = Math.round(size * 0.1);
  const components = size - domains - systems - groups - apis - resources;

  const refs = {
    domain: Array.from(
      { length: domains },
      (_, i) => `domain:default/domain-${i}`,
    ),
    system: Array.from(
      { length: systems },
      (_, i) => `system:default/system-${i}`,
    ),
    group: Array.from({ length: groups }, (_, i) => `group:default/team-${i}`),
    api: Array.from({ length: apis }, (_, i) => `api:default/api-${i}`),
    resource: Array.from(
      { length: resources },
      (_, i) => `resource:default/resource-${i}`,
    ),
    component: Array.from(
      { length: components },
      (_, i) => `component:default/service-${i}`,
    ),
  };
  const hubRef = refs.component[0];
  const relations = new Map<
    string,
    Array<{ type: string; targetRef: string }>
  >();
  const relate = (from: string, type: string, to: string) => {
    if (!relations.has(from)) relations.set(from, []);
    if (!relations.has(to)) relations.set(to, []);
    relations.get(from)!.push({ type, targetRef: to });
    relations.get(to)!.push({ type: INVERSE[type], targetRef: from });
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  // Preferential attachment: popular targets get more popular.
  const popular: string[] = [];
  const pickPopular = (fallback: string[]) =>
    popular.length > 0 && random() < 0.9 ? pick(popular) : pick(fallback);

  const owner = new Map<string, string>();
  const system = new Map<string, string>();
  refs.system.forEach(s => {
    relate(s, 'partOf', pick(refs.domain));
    const team = pick(refs.group);
    owner.set(s, team);
    relate(s, 'ownedBy', team);
  });
  for (const ref of [...refs.api, ...refs.resource, ...refs.component]) {
    const s = pick(refs.system);
    system.set(ref, s);
    relate(ref, 'partOf', s);
    const team = pick(refs.group);
    owner.set(ref, team);
    relate(ref, 'ownedBy', team);
  }
  refs.api.forEach((api, i) =>
    relate(refs.component[(i * 7) % components], 'providesApi', api),
  );

  const hubCount = Math.min(hubDependents, Math.floor(components * 0.6));
  // Shared platform libraries: 0.42 % of the components, each service
  // uses one or two, so each library gets ~260 dependents at any size.
  const platform = refs.component.slice(
    1,
    1 + Math.max(5, Math.round(components * 0.0042)),
  );
  refs.component.forEach((c, i) => {
    if (i > 0 && i <= hubCount) relate(c, 'dependsOn', hubRef);
    const libraries = new Set<string>();
    const wanted = random() < 0.15 ? 2 : 1;
    while (libraries.size < wanted) libraries.add(pick(platform));
    libraries.forEach(lib => lib !== c && relate(c, 'dependsOn', lib));
    // Most services depend on no other service, a few on many.
    const deps = Math.min(40, Math.floor(1 / Math.pow(1 - random(), 0.5)) - 1);
    for (let k = 0; k < deps; k++) {
      const target = pickPopular(refs.component);
      if (target !== c) {
        relate(c, 'dependsOn', target);
        popular.push(target);
      }
    }
    if (random() < 0.2) relate(c, 'dependsOn', pick(refs.resource));
    if (random() < 0.25) relate(c, 'consumesApi', pick(refs.api));
  });

  const kindOf = (ref: string) => ref.slice(0, ref.indexOf(':'));
  const kinds: Record<string, string> = {
    domain: 'Domain',
    system: 'System',
    group: 'Group',
    api: 'API',
    resource: 'Resource',
    component: 'Component',
  };
  const entities: Entity[] = Object.values(refs)
    .flat()
    .map(ref => {
      const name = ref.slice(ref.indexOf('/') + 1);
      const kind = kindOf(ref);
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: kinds[kind],
        metadata: {
          name,
          namespace: 'default',
          uid: `uid-${name}`,
          etag: `etag-${name}`,
          title: name.replace(/-/g, ' '),
          description:
            `The ${name} ${kind}, generated for the benchmark. `.repeat(3),
          tags: random() < 0.3 ? ['java', 'critical'] : ['go'],
          annotations: {
            'backstage.io/managed-by-location': `url:https://git.example.com/${name}/catalog-info.yaml`,
            'backstage.io/managed-by-origin-location': `url:https://git.example.com/${name}/catalog-info.yaml`,
            'backstage.io/source-location': `url:https://git.example.com/${name}/`,
            'backstage.io/techdocs-ref': 'dir:.',
          },
          links: [{ url: `https://docs.example.com/${name}`, title: 'Docs' }],
        },
        spec: {
          type: TYPES[kind] ?? 'other',
          lifecycle: random() < 0.05 ? 'deprecated' : 'production',
          owner: owner.get(ref) ?? 'group:default/team-0',
          ...(system.has(ref) ? { system: system.get(ref) } : {}),
          ...(kind === 'api'
            ? { definition: 'openapi: 3.0.0\ninfo:\n  title: x\n' }
            : {}),
        },
        relations: relations.get(ref) ?? [],
      } as Entity;
    });
  return { entities, hubRef, componentRefs: refs.component };
}

/** Percentile of a numeric list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

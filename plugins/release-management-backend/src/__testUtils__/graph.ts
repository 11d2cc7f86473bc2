import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { CatalogGraph } from '../analysis/CatalogGraph';

export type Spec = {
  dependsOn?: string[];
  providesApis?: string[];
  consumesApis?: string[];
  partOf?: string;
  owner?: string;
  lifecycle?: string;
  type?: string;
  tags?: string[];
  annotations?: Record<string, string>;
};

const INVERSE: Record<string, string> = {
  dependsOn: 'dependencyOf',
  providesApi: 'apiProvidedBy',
  consumesApi: 'apiConsumedBy',
  partOf: 'hasPart',
  ownedBy: 'ownerOf',
};

/**
 * Entities with relations on both ends, as the catalog stores them, from a
 * compact description: `{ 'component:default/a': { dependsOn: [...] } }`.
 */
export function entitiesOf(specs: Record<string, Spec>): Entity[] {
  const relations = new Map<
    string,
    Array<{ type: string; targetRef: string }>
  >();
  const add = (from: string, type: string, to: string) => {
    relations.set(from, [
      ...(relations.get(from) ?? []),
      { type, targetRef: to },
    ]);
    relations.set(to, [
      ...(relations.get(to) ?? []),
      { type: INVERSE[type], targetRef: from },
    ]);
  };
  for (const [ref, spec] of Object.entries(specs)) {
    relations.set(ref, relations.get(ref) ?? []);
    spec.dependsOn?.forEach(t => add(ref, 'dependsOn', t));
    spec.providesApis?.forEach(t => add(ref, 'providesApi', t));
    spec.consumesApis?.forEach(t => add(ref, 'consumesApi', t));
    if (spec.partOf) add(ref, 'partOf', spec.partOf);
    if (spec.owner) add(ref, 'ownedBy', spec.owner);
  }
  return Object.entries(specs).map(([ref, spec]) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name,
        namespace,
        tags: spec.tags ?? [],
        annotations: spec.annotations ?? {},
      },
      spec: { type: spec.type, lifecycle: spec.lifecycle },
      relations: relations.get(ref) ?? [],
    } as Entity;
  });
}

export function graphOf(specs: Record<string, Spec>): CatalogGraph {
  return CatalogGraph.fromEntities(entitiesOf(specs), {
    annotationKeys: ['example.com/tier'],
  });
}

/** Node indexes of refs in a graph, failing loudly on a typo. */
export function indexes(graph: CatalogGraph, ...refs: string[]): number[] {
  return refs.map(ref => {
    const i = graph.indexOf(ref);
    if (i === undefined) throw new Error(`no ${ref} in the test graph`);
    return i;
  });
}

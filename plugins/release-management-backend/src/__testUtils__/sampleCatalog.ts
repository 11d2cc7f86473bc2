import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

const root = join(__dirname, '../../../..');

/**
 * The sample organisation from `examples/`, with the relations the catalog
 * would compute (both ends), so analyses can run on it without a catalog
 * backend.
 */
export function sampleCatalog(): Entity[] {
  const entities = ['examples/entities.yaml', 'examples/org.yaml'].flatMap(
    file =>
      parseAllDocuments(readFileSync(join(root, file), 'utf8')).map(
        d => d.toJS() as Entity,
      ),
  );
  const refOf = (e: Entity) => stringifyEntityRef(e).toLocaleLowerCase('en-US');
  const relations = new Map<string, Array<{ type: string; targetRef: string }>>(
    entities.map(e => [refOf(e), []]),
  );
  const relate = (from: string, type: string, inverse: string, to: string) => {
    relations.get(from)?.push({ type, targetRef: to });
    relations.get(to)?.push({ type: inverse, targetRef: from });
  };
  const full = (value: string, defaultKind: string) =>
    stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');

  for (const e of entities) {
    const ref = refOf(e);
    const spec = (e.spec ?? {}) as Record<string, any>;
    if (spec.owner)
      relate(ref, 'ownedBy', 'ownerOf', full(spec.owner, 'group'));
    if (spec.system)
      relate(ref, 'partOf', 'hasPart', full(spec.system, 'system'));
    if (e.kind === 'System' && spec.domain)
      relate(ref, 'partOf', 'hasPart', full(spec.domain, 'domain'));
    for (const d of spec.dependsOn ?? [])
      relate(ref, 'dependsOn', 'dependencyOf', full(d, 'component'));
    for (const a of spec.providesApis ?? [])
      relate(ref, 'providesApi', 'apiProvidedBy', full(a, 'api'));
    for (const a of spec.consumesApis ?? [])
      relate(ref, 'consumesApi', 'apiConsumedBy', full(a, 'api'));
    if (e.kind === 'Group' && spec.parent)
      relate(ref, 'childOf', 'parentOf', full(spec.parent, 'group'));
    for (const g of spec.memberOf ?? [])
      relate(ref, 'memberOf', 'hasMember', full(g, 'group'));
  }
  return entities.map(e => ({
    ...e,
    metadata: { namespace: 'default', ...e.metadata },
    relations: relations.get(refOf(e)),
  }));
}

/** The release models the demo app declares in app-config.yaml. */
export function sampleModels(): unknown[] {
  const config = parse(readFileSync(join(root, 'app-config.yaml'), 'utf8'));
  return config.releaseManagement.models;
}

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  RELEASE_MODEL_ANNOTATION,
  type ApplicabilitySelector,
  type ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import type { GraphNode } from './CatalogGraph';

export type ModelCandidate = {
  name: string;
  definition: Pick<ReleaseModelDefinition, 'applicability' | 'priority'>;
};

export type ApplicableModel = {
  entityRef: string;
  model: string | null;
  reason: string;
  /** How the model was identified. */
  source: 'annotation' | 'selector' | 'none';
  matchedCriteria: string[];
};

const lower = (s: string) => s.toLocaleLowerCase('en-US');

function normalizeRef(value: string, defaultKind: string): string {
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      ),
    );
  } catch {
    return lower(value);
  }
}

/**
 * The criteria of a selector that the entity meets, or undefined when one
 * it names fails. An empty selector matches everything with no criteria.
 */
export function matchSelector(
  node: GraphNode,
  selector: ApplicabilitySelector,
): string[] | undefined {
  const matched: string[] = [];
  const check = (
    name: string,
    values: string[] | undefined,
    actual: string | string[] | undefined,
    normalize: (v: string) => string = lower,
  ) => {
    if (!values || values.length === 0) return true;
    const wanted = new Set(values.map(normalize));
    const have = [actual ?? []].flat().map(normalize);
    const hit = have.find(v => wanted.has(v));
    if (hit === undefined) return false;
    matched.push(`${name}=${hit}`);
    return true;
  };
  const ok =
    check('kind', selector.kinds, node.kind) &&
    check('type', selector.types, node.type) &&
    check('lifecycle', selector.lifecycles, node.lifecycle) &&
    check('system', selector.systems, node.system, v =>
      normalizeRef(v, 'system'),
    ) &&
    check('owner', selector.owners, node.owner, v =>
      normalizeRef(v, 'group'),
    ) &&
    check('tag', selector.tags, node.tags);
  if (!ok) return undefined;
  for (const [key, value] of Object.entries(selector.annotations ?? {})) {
    if (node.annotations[key] !== value) return undefined;
    matched.push(`annotation ${key}=${value}`);
  }
  return matched;
}

/**
 * Identifies the model of an entity: the `release-management.io/model`
 * annotation wins when it names a known model; otherwise the selector that
 * matches the most criteria, ties going to the higher priority and then to
 * the name, so the answer never depends on list order.
 */
export function identifyModel(
  node: GraphNode,
  models: ModelCandidate[],
): ApplicableModel {
  const annotated = node.annotations[RELEASE_MODEL_ANNOTATION];
  let note = '';
  if (annotated) {
    if (models.some(m => m.name === annotated)) {
      return {
        entityRef: node.ref,
        model: annotated,
        source: 'annotation',
        matchedCriteria: [],
        reason: `The entity's ${RELEASE_MODEL_ANNOTATION} annotation names "${annotated}"`,
      };
    }
    note = ` (its ${RELEASE_MODEL_ANNOTATION} annotation names "${annotated}", which does not exist)`;
  }

  let best: { model: ModelCandidate; matched: string[] } | undefined;
  for (const model of models) {
    const matched = matchSelector(node, model.definition.applicability);
    if (!matched) continue;
    if (
      !best ||
      matched.length > best.matched.length ||
      (matched.length === best.matched.length &&
        (model.definition.priority > best.model.definition.priority ||
          (model.definition.priority === best.model.definition.priority &&
            model.name < best.model.name)))
    ) {
      best = { model, matched };
    }
  }
  if (!best) {
    return {
      entityRef: node.ref,
      model: null,
      source: 'none',
      matchedCriteria: [],
      reason: `No model's selector matches the entity${note}`,
    };
  }
  return {
    entityRef: node.ref,
    model: best.model.name,
    source: 'selector',
    matchedCriteria: best.matched,
    reason: `The selector of "${best.model.name}" matches ${
      best.matched.length ? best.matched.join(', ') : 'every entity'
    } (${best.matched.length} criteria, priority ${
      best.model.definition.priority
    })${note}`,
  };
}

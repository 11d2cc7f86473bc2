import type { ReleaseModelDefinition } from '@release-management/plugin-release-management-common';
import type { CatalogGraph } from './CatalogGraph';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export type ComponentCheck = {
  id:
    | 'exists'
    | 'has-owner'
    | 'lifecycle'
    | 'deprecated-dependencies'
    | 'api-consumers';
  status: CheckStatus;
  message: string;
};

export type EntityVerification = {
  entityRef: string;
  status: CheckStatus;
  checks: ComponentCheck[];
};

export type VerificationResult = {
  status: CheckStatus;
  entities: EntityVerification[];
};

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };
const worst = (statuses: CheckStatus[]): CheckStatus =>
  statuses.reduce<CheckStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'pass');

/**
 * ITIL's "verify service components": is each entity in the scope fit to
 * release? It must exist and have an owner; deprecated is a failure and
 * experimental a warning, as is a lifecycle the model's selector does not
 * list; depending on deprecated components or APIs is a warning; the
 * consumers of changed APIs outside the scope are named so they can be told.
 */
export function verifyComponents(
  graph: CatalogGraph,
  scope: string[],
  model?: Pick<ReleaseModelDefinition, 'applicability'>,
): VerificationResult {
  const scopeSet = new Set(scope.map(r => r.toLocaleLowerCase('en-US')));
  const entities = scope.map(entityRef => {
    const i = graph.indexOf(entityRef);
    if (i === undefined) {
      return {
        entityRef,
        status: 'fail' as const,
        checks: [
          {
            id: 'exists' as const,
            status: 'fail' as const,
            message: `${entityRef} is not in the catalog`,
          },
        ],
      };
    }
    const node = graph.node(i);
    const checks: ComponentCheck[] = [
      {
        id: 'exists',
        status: 'pass',
        message: `${node.ref} is in the catalog`,
      },
      node.owner
        ? { id: 'has-owner', status: 'pass', message: `Owned by ${node.owner}` }
        : {
            id: 'has-owner',
            status: 'fail',
            message: 'Has no owner to approve or answer for it',
          },
    ];

    const allowed = model?.applicability.lifecycles?.map(l =>
      l.toLocaleLowerCase('en-US'),
    );
    if (node.lifecycle === 'deprecated') {
      checks.push({
        id: 'lifecycle',
        status: 'fail',
        message: 'Is deprecated; retire it instead of releasing it',
      });
    } else if (node.lifecycle && allowed && !allowed.includes(node.lifecycle)) {
      checks.push({
        id: 'lifecycle',
        status: 'warn',
        message: `Lifecycle "${
          node.lifecycle
        }" is not one the model is for (${allowed.join(', ')})`,
      });
    } else if (node.lifecycle === 'experimental') {
      checks.push({
        id: 'lifecycle',
        status: 'warn',
        message: 'Is experimental',
      });
    } else {
      checks.push({
        id: 'lifecycle',
        status: 'pass',
        message: `Lifecycle ${node.lifecycle ?? 'not set'}`,
      });
    }

    const deprecated = [
      ...graph.related(i, 'dependsOn'),
      ...graph.related(i, 'consumesApi'),
    ]
      .map(j => graph.node(j))
      .filter(dep => dep.lifecycle === 'deprecated')
      .map(dep => dep.ref);
    checks.push(
      deprecated.length
        ? {
            id: 'deprecated-dependencies',
            status: 'warn',
            message: `Depends on deprecated ${deprecated.join(', ')}`,
          }
        : {
            id: 'deprecated-dependencies',
            status: 'pass',
            message: 'Depends on nothing deprecated',
          },
    );

    const apis =
      node.kind === 'api' ? [i] : [...graph.related(i, 'providesApi')];
    const consumers = new Set<string>();
    for (const api of apis) {
      for (const c of graph.related(api, 'apiConsumedBy')) {
        const ref = graph.node(c).ref;
        if (!scopeSet.has(ref)) consumers.add(ref);
      }
    }
    if (apis.length > 0) {
      checks.push(
        consumers.size
          ? {
              id: 'api-consumers',
              status: 'warn',
              message: `Consumers of its APIs outside the release: ${[
                ...consumers,
              ]
                .sort()
                .join(', ')}`,
            }
          : {
              id: 'api-consumers',
              status: 'pass',
              message: 'Its APIs have no consumers outside the release',
            },
      );
    }
    return {
      entityRef: node.ref,
      status: worst(checks.map(c => c.status)),
      checks,
    };
  });
  return { status: worst(entities.map(e => e.status)), entities };
}

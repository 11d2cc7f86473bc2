import { allowedTargets, canOverride, failuresByTarget } from './lifecycle';
import { impactGraph } from './impactGraph';
import { aModel } from './testData';

describe('lifecycle', () => {
  it('follows the model transitions, or the standard ones when it lists none', () => {
    expect(allowedTargets(aModel(), 'planned')).toEqual([
      'scheduled',
      'draft',
      'cancelled',
    ]);
    expect(
      allowedTargets(
        aModel({ transitions: [{ from: 'planned', to: 'in-progress' }] }),
        'planned',
      ),
    ).toEqual(['in-progress']);
    expect(allowedTargets(aModel(), 'closed')).toEqual([]);
  });

  it('offers an override only when every failed gate allows one', () => {
    const gate = {
      stage: 'plan',
      kind: 'checklist' as const,
      id: 'x',
      message: 'm',
    };
    expect(canOverride([])).toBe(false);
    expect(canOverride([gate, { ...gate, overridable: true }])).toBe(true);
    expect(canOverride([gate, { ...gate, overridable: false }])).toBe(false);
  });

  it('reads the pending gates per target status', () => {
    const gate = {
      stage: 'execute',
      kind: 'checklist' as const,
      id: 'runbook-ready',
      message: 'm',
    };
    const byTarget = failuresByTarget([
      { to: 'deployed', failures: [gate] },
      { to: 'cancelled', failures: [] },
    ]);
    expect(byTarget.get('deployed')).toEqual([gate]);
    expect(byTarget.get('cancelled')).toEqual([]);
    expect(byTarget.get('verified')).toBeUndefined();
  });
});

describe('impactGraph', () => {
  it('joins entities along their paths and keeps the nearest when too many', () => {
    const entity = (ref: string, path: string[]) => ({
      entityRef: ref,
      kind: 'component',
      depth: path.length - 1,
      via: 'dependencyOf',
      path,
    });
    const graph = impactGraph(
      {
        roots: ['a'],
        entities: [entity('b', ['a', 'b']), entity('c', ['a', 'b', 'c'])],
        owners: [],
        systems: [],
        cutOff: false,
        snapshot: {} as any,
      },
      2,
    );
    expect(graph.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(graph.edges).toEqual([
      { from: 'a', to: 'b', label: 'dependencyOf' },
    ]);
    expect(graph.hidden).toBe(1);
  });
});

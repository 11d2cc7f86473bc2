import { graphOf } from '../__testUtils__/graph';
import { identifyModel, type ModelCandidate } from './applicableModel';

const model = (
  name: string,
  applicability: ModelCandidate['definition']['applicability'],
  priority = 0,
): ModelCandidate => ({ name, definition: { applicability, priority } });

describe('identifyModel', () => {
  const graph = graphOf({
    'component:default/payments': {
      type: 'service',
      lifecycle: 'production',
      tags: ['pci'],
      partOf: 'system:default/checkout',
      owner: 'group:default/team-pay',
      annotations: { 'example.com/tier': '1' },
    },
    'component:default/annotated': {
      annotations: { 'release-management.io/model': 'emergency' },
    },
    'component:default/mis-annotated': {
      lifecycle: 'production',
      annotations: { 'release-management.io/model': 'gone' },
    },
    'system:default/checkout': {},
    'group:default/team-pay': {},
  });
  const node = (ref: string) => graph.node(graph.indexOf(ref)!);

  const models = [
    model('catch-all', {}),
    model(
      'production',
      { kinds: ['Component'], lifecycles: ['production'] },
      10,
    ),
    model('pci', { kinds: ['component'], tags: ['pci'] }, 5),
    model('payments-team', { owners: ['team-pay'], systems: ['checkout'] }, 1),
    model('tier-one', { annotations: { 'example.com/tier': '1' } }, 100),
    model('emergency', { types: ['never'] }),
  ];

  it('lets the annotation win over every selector', () => {
    expect(
      identifyModel(node('component:default/annotated'), models),
    ).toMatchObject({
      model: 'emergency',
      source: 'annotation',
      reason:
        'The entity\'s release-management.io/model annotation names "emergency"',
    });
  });

  it('prefers the selector with the most matching criteria, then priority, then name', () => {
    // production, pci and payments-team each match two criteria; production
    // has the highest priority of the three.
    const result = identifyModel(node('component:default/payments'), models);
    expect(result).toMatchObject({
      model: 'production',
      source: 'selector',
      matchedCriteria: ['kind=component', 'lifecycle=production'],
    });
    expect(result.reason).toBe(
      'The selector of "production" matches kind=component, lifecycle=production (2 criteria, priority 10)',
    );

    const tied = [
      model('b', { lifecycles: ['production'] }),
      model('a', { kinds: ['component'] }),
    ];
    expect(identifyModel(node('component:default/payments'), tied).model).toBe(
      'a',
    );
  });

  it('normalizes owner and system refs in selectors', () => {
    const result = identifyModel(node('component:default/payments'), [
      model('payments-team', {
        owners: ['team-pay'],
        systems: ['system:default/checkout'],
      }),
    ]);
    expect(result.matchedCriteria).toEqual([
      'system=system:default/checkout',
      'owner=group:default/team-pay',
    ]);
  });

  it('falls back to selectors when the annotation names an unknown model, and says so', () => {
    const result = identifyModel(
      node('component:default/mis-annotated'),
      models,
    );
    expect(result.model).toBe('production');
    expect(result.reason).toContain('names "gone", which does not exist');
  });

  it('answers none when no selector matches', () => {
    expect(
      identifyModel(node('component:default/payments'), [
        model('x', { kinds: ['api'] }),
      ]),
    ).toMatchObject({ model: null, source: 'none' });
  });
});

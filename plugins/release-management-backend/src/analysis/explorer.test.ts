import { graphOf, indexes } from '../__testUtils__/graph';
import { exploreArchitecture } from './explorer';

const c = (n: string) => `component:default/${n}`;

describe('exploreArchitecture', () => {
  const graph = graphOf({
    'domain:default/shop': {},
    'system:default/checkout': { partOf: 'domain:default/shop' },
    'system:default/catalogue': { partOf: 'domain:default/shop' },
    [c('cart')]: {
      partOf: 'system:default/checkout',
      dependsOn: [c('pricing')],
      owner: 'group:default/t',
      lifecycle: 'production',
    },
    [c('pricing')]: {
      partOf: 'system:default/checkout',
      dependsOn: [c('cart')],
      owner: 'group:default/t',
    },
    [c('products')]: {
      partOf: 'system:default/catalogue',
      lifecycle: 'production',
    },
    [c('web')]: { dependsOn: [c('products'), c('cart')] },
    [c('app')]: { dependsOn: [c('products')] },
    'group:default/t': {},
  });
  const models = [
    {
      name: 'prod',
      definition: {
        applicability: { lifecycles: ['production'] },
        priority: 0,
      },
    },
  ];

  it('describes a domain: members, edges, cycles, hubs, gaps', () => {
    const [domain] = indexes(graph, 'domain:default/shop');
    const result = exploreArchitecture(graph, domain, models);
    expect(result.entities.map(e => e.entityRef).sort()).toEqual(
      [
        c('cart'),
        c('pricing'),
        c('products'),
        'system:default/catalogue',
        'system:default/checkout',
      ].sort(),
    );
    expect(result.edges).toEqual(
      expect.arrayContaining([
        { from: c('cart'), to: c('pricing'), relation: 'dependsOn' },
        { from: c('pricing'), to: c('cart'), relation: 'dependsOn' },
      ]),
    );
    expect(result.cycles).toEqual([[c('cart'), c('pricing')]]);
    // cart: pricing and web; products: web and app (outside the domain
    // count too); ties go by ref.
    expect(result.hubs).toEqual([
      { entityRef: c('cart'), dependents: 2 },
      { entityRef: c('products'), dependents: 2 },
      { entityRef: c('pricing'), dependents: 1 },
    ]);
    expect(result.withoutOwner).toEqual(
      expect.arrayContaining([c('products'), 'system:default/checkout']),
    );
    expect(result.withoutModel).toEqual([c('pricing')]);
  });

  it('describes a single system', () => {
    const [system] = indexes(graph, 'system:default/catalogue');
    const result = exploreArchitecture(graph, system, models);
    expect(result.entities.map(e => e.entityRef)).toEqual([c('products')]);
    expect(result.cycles).toEqual([]);
  });
});

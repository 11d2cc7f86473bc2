import { graphOf, indexes } from '../__testUtils__/graph';
import { analyseImpact } from './impact';

const c = (n: string) => `component:default/${n}`;
const api = (n: string) => `api:default/${n}`;

describe('analyseImpact', () => {
  const graph = graphOf({
    'domain:default/shop': {},
    'system:default/checkout': {
      partOf: 'domain:default/shop',
      owner: 'group:default/checkout',
    },
    [c('db-lib')]: {
      partOf: 'system:default/checkout',
      owner: 'group:default/platform',
    },
    [c('cart')]: {
      dependsOn: [c('db-lib')],
      providesApis: [api('cart-api')],
      partOf: 'system:default/checkout',
      owner: 'group:default/checkout',
    },
    [api('cart-api')]: { owner: 'group:default/checkout' },
    [c('web')]: { consumesApis: [api('cart-api')], owner: 'group:default/web' },
    [c('mobile')]: { dependsOn: [c('web')], owner: 'group:default/web' },
    [c('unrelated')]: {},
    'group:default/checkout': {},
    'group:default/platform': {},
    'group:default/web': {},
  });

  it('reaches dependents, API consumers and containing system and domain, each by its shortest path', () => {
    const result = analyseImpact(graph, indexes(graph, c('db-lib')), {
      maxDepth: 6,
      maxEntities: 100,
    });
    const byRef = Object.fromEntries(
      result.entities.map(e => [e.entityRef, e]),
    );
    expect(Object.keys(byRef).sort()).toEqual(
      [
        api('cart-api'),
        c('cart'),
        c('mobile'),
        c('web'),
        'domain:default/shop',
        'system:default/checkout',
      ].sort(),
    );
    expect(byRef[c('mobile')]).toMatchObject({
      depth: 4,
      via: 'dependencyOf',
      path: [c('db-lib'), c('cart'), api('cart-api'), c('web'), c('mobile')],
    });
    // The system is one hop away directly, not three through cart.
    expect(byRef['system:default/checkout'].path).toEqual([
      c('db-lib'),
      'system:default/checkout',
    ]);
    expect(result.owners).toEqual([
      { ref: 'group:default/checkout', entities: 3 },
      { ref: 'group:default/web', entities: 2 },
    ]);
    expect(result.systems).toEqual([
      { ref: 'system:default/checkout', entities: 2 },
    ]);
    expect(result.cutOff).toBe(false);
  });

  it('stops at the depth limit and says so', () => {
    const result = analyseImpact(graph, indexes(graph, c('db-lib')), {
      maxDepth: 2,
      maxEntities: 100,
    });
    expect(Math.max(...result.entities.map(e => e.depth))).toBe(2);
    expect(result.entities.map(e => e.entityRef)).not.toContain(c('mobile'));
    expect(result).toMatchObject({
      cutOff: true,
      cutOffReason: 'depth limit 2 reached',
    });
  });

  it('cuts off a hub at the entity limit instead of following every dependent', () => {
    const specs: Record<string, { dependsOn?: string[] }> = { [c('hub')]: {} };
    for (let i = 0; i < 12_000; i++)
      specs[c(`dependent-${i}`)] = { dependsOn: [c('hub')] };
    const hubGraph = graphOf(specs);
    const result = analyseImpact(hubGraph, indexes(hubGraph, c('hub')), {
      maxDepth: 6,
      maxEntities: 500,
    });
    expect(result.entities).toHaveLength(500);
    expect(result).toMatchObject({
      cutOff: true,
      cutOffReason: 'entity limit 500 reached',
    });
  });

  it('treats several roots as one release and does not report roots as reached', () => {
    const result = analyseImpact(
      graph,
      indexes(graph, c('db-lib'), c('cart')),
      {
        maxDepth: 1,
        maxEntities: 100,
      },
    );
    const refs = result.entities.map(e => e.entityRef);
    expect(refs).not.toContain(c('cart'));
    expect(result.roots).toEqual([c('db-lib'), c('cart')]);
    expect(refs).toEqual(
      expect.arrayContaining([api('cart-api'), 'system:default/checkout']),
    );
  });

  it('finds nothing for an entity nothing depends on', () => {
    const result = analyseImpact(graph, indexes(graph, c('unrelated')), {
      maxDepth: 6,
      maxEntities: 100,
    });
    expect(result.entities).toEqual([]);
    expect(result.cutOff).toBe(false);
  });
});

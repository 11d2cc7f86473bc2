import { graphOf } from '../__testUtils__/graph';

describe('CatalogGraph', () => {
  const graph = graphOf({
    'component:default/cart': { dependsOn: ['component:default/pricing'] },
    'component:default/pricing': {},
  });

  it('finds an entity by its ref whatever the case the ref is written in', () => {
    const i = graph.indexOf('component:default/cart');
    expect(i).toBeDefined();
    expect(graph.indexOf('Component:default/Cart')).toBe(i);
    expect(graph.indexOf('COMPONENT:DEFAULT/CART')).toBe(i);
    expect(graph.indexOf('component:default/unknown')).toBeUndefined();
  });

  it('gives the same neighbours through related() and the raw adjacency', () => {
    const i = graph.indexOf('component:default/cart')!;
    const pricing = graph.indexOf('component:default/pricing')!;
    expect([...graph.related(i, 'dependsOn')]).toEqual([pricing]);
    const { offsets, targets } = graph.adjacency('dependsOn');
    expect([...targets.subarray(offsets[i], offsets[i + 1])]).toEqual([
      pricing,
    ]);
  });
});

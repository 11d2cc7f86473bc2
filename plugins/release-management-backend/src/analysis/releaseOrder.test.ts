import { graphOf, indexes } from '../__testUtils__/graph';
import { releaseOrder, tarjan } from './releaseOrder';

const c = (n: string) => `component:default/${n}`;
const api = (n: string) => `api:default/${n}`;

describe('releaseOrder', () => {
  it('puts providers before consumers, through dependsOn and APIs', () => {
    const graph = graphOf({
      [c('db')]: {},
      [c('orders')]: {
        dependsOn: [c('db')],
        providesApis: [api('orders-api')],
      },
      [api('orders-api')]: {},
      [c('web')]: { consumesApis: [api('orders-api')] },
    });
    const steps = releaseOrder(
      graph,
      indexes(graph, c('web'), c('orders'), c('db')),
    );
    expect(steps).toEqual([
      { entityRefs: [c('db')], cycle: false },
      { entityRefs: [c('orders')], cycle: false },
      { entityRefs: [c('web')], cycle: false },
    ]);
  });

  it('orders an API entity between its provider and its consumers', () => {
    const graph = graphOf({
      [c('orders')]: { providesApis: [api('orders-api')] },
      [api('orders-api')]: {},
      [c('web')]: { consumesApis: [api('orders-api')] },
    });
    expect(
      releaseOrder(
        graph,
        indexes(graph, c('web'), api('orders-api'), c('orders')),
      ).map(s => s.entityRefs[0]),
    ).toEqual([c('orders'), api('orders-api'), c('web')]);
  });

  it('reports a cycle as one step that ships together, in topological place', () => {
    const graph = graphOf({
      [c('base')]: {},
      [c('cart')]: { dependsOn: [c('pricing'), c('base')] },
      [c('pricing')]: { dependsOn: [c('promotions')] },
      [c('promotions')]: { dependsOn: [c('cart')] },
      [c('web')]: { dependsOn: [c('cart')] },
    });
    const steps = releaseOrder(
      graph,
      indexes(
        graph,
        c('web'),
        c('promotions'),
        c('pricing'),
        c('cart'),
        c('base'),
      ),
    );
    expect(steps).toEqual([
      { entityRefs: [c('base')], cycle: false },
      { entityRefs: [c('cart'), c('pricing'), c('promotions')], cycle: true },
      { entityRefs: [c('web')], cycle: false },
    ]);
  });

  it('ignores dependencies outside the scope and orders independent entities by ref', () => {
    const graph = graphOf({
      [c('outside')]: {},
      [c('b')]: { dependsOn: [c('outside')] },
      [c('a')]: {},
    });
    expect(releaseOrder(graph, indexes(graph, c('b'), c('a')))).toEqual([
      { entityRefs: [c('a')], cycle: false },
      { entityRefs: [c('b')], cycle: false },
    ]);
  });
});

describe('tarjan', () => {
  it('finds strongly connected components without recursion limits', () => {
    // A chain of 50,000 nodes closed into one cycle.
    const n = 50_000;
    const edges = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const component = tarjan(n, edges);
    expect(new Set(component).size).toBe(1);
  });
});

import { graphOf } from '../__testUtils__/graph';
import { verifyComponents } from './verification';

const c = (n: string) => `component:default/${n}`;

describe('verifyComponents', () => {
  const graph = graphOf({
    [c('old')]: { lifecycle: 'deprecated', owner: 'group:default/t' },
    [c('new')]: {
      lifecycle: 'experimental',
      owner: 'group:default/t',
      dependsOn: [c('old')],
      providesApis: ['api:default/new-api'],
    },
    'api:default/new-api': { owner: 'group:default/t' },
    [c('consumer')]: {
      consumesApis: ['api:default/new-api'],
      owner: 'group:default/t',
    },
    [c('orphan')]: { lifecycle: 'production' },
    'group:default/t': {},
  });

  it('passes, warns and fails each entity with an explanation', () => {
    const result = verifyComponents(graph, [
      c('new'),
      c('old'),
      c('orphan'),
      c('ghost'),
    ]);
    const checks = Object.fromEntries(
      result.entities.map(e => [
        e.entityRef,
        Object.fromEntries(e.checks.map(k => [k.id, k.status])),
      ]),
    );
    expect(checks[c('new')]).toEqual({
      exists: 'pass',
      'has-owner': 'pass',
      lifecycle: 'warn',
      'deprecated-dependencies': 'warn',
      'api-consumers': 'warn',
    });
    expect(checks[c('old')].lifecycle).toBe('fail');
    expect(checks[c('orphan')]['has-owner']).toBe('fail');
    expect(checks[c('ghost')]).toEqual({ exists: 'fail' });
    expect(result.status).toBe('fail');
    const consumers = result.entities[0].checks.find(
      k => k.id === 'api-consumers',
    );
    expect(consumers?.message).toBe(
      'Consumers of its APIs outside the release: component:default/consumer',
    );
  });

  it('does not count consumers that ship in the same release', () => {
    const result = verifyComponents(graph, [c('new'), c('consumer')]);
    expect(
      result.entities[0].checks.find(k => k.id === 'api-consumers')?.status,
    ).toBe('pass');
  });

  it('warns when the lifecycle is not one the model is for', () => {
    const result = verifyComponents(graph, [c('orphan')], {
      applicability: { lifecycles: ['experimental'] },
    });
    expect(result.entities[0].checks.find(k => k.id === 'lifecycle')).toEqual({
      id: 'lifecycle',
      status: 'warn',
      message:
        'Lifecycle "production" is not one the model is for (experimental)',
    });
  });
});

import {
  type Conflict,
  releaseModelDefinitionSchema,
} from '@release-management/plugin-release-management-common';
import { normalModelInput } from '../__testUtils__/fixtures';
import { graphOf } from '../__testUtils__/graph';
import { detectConflicts } from './conflicts';
import { coverageOf, freezeCoversWith } from './freezeScope';

const c = (n: string) => `component:default/${n}`;

const graph = graphOf({
  'domain:default/shop': {},
  'system:default/checkout': { partOf: 'domain:default/shop' },
  [c('cart')]: {
    partOf: 'system:default/checkout',
    dependsOn: [c('pricing')],
    consumesApis: ['api:default/stock-api'],
    owner: 'group:default/team-cart',
    tags: ['pci'],
  },
  [c('pricing')]: { partOf: 'system:default/checkout' },
  [c('web')]: { dependsOn: [c('cart')] },
  [c('stock')]: { providesApis: ['api:default/stock-api'] },
  'api:default/stock-api': {},
  [c('elsewhere')]: {},
  'group:default/team-cart': {},
});

const model = (policy: object = {}, extra: object = {}) =>
  releaseModelDefinitionSchema.parse({
    ...normalModelInput,
    ...extra,
    schedulingPolicy: { minimumLeadTimeHours: 0, ...policy },
  });

const plan = (overrides: object = {}) => ({
  scope: [c('cart')],
  start: '2030-03-05T10:00:00Z',
  end: '2030-03-05T12:00:00Z',
  model: model(),
  ...overrides,
});
const now = new Date('2030-03-01T00:00:00Z');
const other = (
  id: string,
  scope: string[],
  start = '2030-03-05T11:00:00Z',
  end = '2030-03-05T13:00:00Z',
) => ({
  id,
  title: `Release ${id}`,
  scope,
  start,
  end,
});
const freeze = (
  scope: any,
  severity: 'hard' | 'soft' = 'hard',
  start = '2030-03-05T00:00:00Z',
  end = '2030-03-06T00:00:00Z',
) => ({
  freezeWindowId: `f-${scope.type}`,
  title: `Freeze ${scope.type}`,
  severity,
  start,
  end,
  timeZone: 'UTC',
  scope,
});

/** The id of a conflict's other party; restricted releases have none. */
const partyId = (x: Conflict) =>
  x.other && 'id' in x.other ? x.other.id : x.other?.type;

const kinds = (conflicts: Array<{ kind: string; severity: string }>) =>
  conflicts.map(x => `${x.kind}/${x.severity}`);

describe('detectConflicts', () => {
  it('finds nothing for a clear window', () => {
    expect(
      detectConflicts({ graph, plan: plan(), others: [], freezes: [], now }),
    ).toEqual([]);
  });

  it('blocks on the same entity in an overlapping release and names it', () => {
    const [conflict] = detectConflicts({
      graph,
      plan: plan(),
      others: [other('r2', [c('cart')])],
      freezes: [],
      now,
    });
    expect(conflict).toMatchObject({
      kind: 'same-entity',
      severity: 'blocking',
      entityRef: c('cart'),
      other: { type: 'release', id: 'r2', title: 'Release r2' },
    });
    expect(conflict.message).toBe(
      'component:default/cart is also in release "Release r2" (2030-03-05T11:00:00Z – 2030-03-05T13:00:00Z), whose window overlaps',
    );
  });

  it('reports a restricted release by its window alone, in every rule', () => {
    const hidden = {
      ...other('r9', [c('cart'), c('pricing')]),
      restricted: true,
    };
    const conflicts = detectConflicts({
      graph,
      plan: plan({
        scope: [c('cart')],
        model: model({ maxConcurrentReleasesPerSystem: 1 }),
      }),
      others: [hidden],
      freezes: [],
      now,
    });
    expect(conflicts.map(x => [x.kind, x.severity])).toEqual([
      ['same-entity', 'blocking'],
      ['dependency', 'warning'],
      ['concurrency-limit', 'blocking'],
    ]);
    for (const conflict of conflicts.slice(0, 2)) {
      expect(conflict.other).toEqual({
        type: 'restricted-release',
        start: '2030-03-05T11:00:00Z',
        end: '2030-03-05T13:00:00Z',
      });
    }
    // Neither its id, its title nor which neighbour it changes is told.
    const text = JSON.stringify(conflicts);
    expect(text).not.toContain('r9');
    expect(text).not.toContain(c('pricing'));
    expect(conflicts.map(x => x.message)).toEqual([
      'component:default/cart is also in a restricted release (2030-03-05T11:00:00Z – 2030-03-05T13:00:00Z), whose window overlaps',
      'A restricted release changes an entity which it depends on (component:default/cart) in an overlapping window (2030-03-05T11:00:00Z – 2030-03-05T13:00:00Z)',
      '1 other release(s) of system:default/checkout overlap (a restricted release); the model allows 1 at a time',
    ]);
  });

  it('ignores releases whose windows only touch', () => {
    expect(
      detectConflicts({
        graph,
        plan: plan(),
        others: [
          other(
            'before',
            [c('cart')],
            '2030-03-05T08:00:00Z',
            '2030-03-05T10:00:00Z',
          ),
          other(
            'after',
            [c('cart')],
            '2030-03-05T12:00:00Z',
            '2030-03-05T14:00:00Z',
          ),
        ],
        freezes: [
          freeze(
            { type: 'all' },
            'hard',
            '2030-03-05T12:00:00Z',
            '2030-03-05T20:00:00Z',
          ),
        ],
        now,
      }),
    ).toEqual([]);
  });

  it('warns about dependencies, dependents and both ends of APIs releasing at the same time', () => {
    const conflicts = detectConflicts({
      graph,
      plan: plan(),
      others: [
        other('dep', [c('pricing')]),
        other('dependent', [c('web')]),
        other('provider', [c('stock')]),
        other('unrelated', [c('elsewhere')]),
      ],
      freezes: [],
      now,
    });
    expect(kinds(conflicts)).toEqual([
      'dependency/warning',
      'dependent/warning',
      'api-provider/warning',
    ]);
    expect(conflicts[2].message).toBe(
      'Release "Release provider" changes component:default/stock, which provides an API it consumes (component:default/cart), in an overlapping window',
    );
    const consumer = detectConflicts({
      graph,
      plan: plan({ scope: [c('stock')] }),
      others: [other('cart', [c('cart')])],
      freezes: [],
      now,
    });
    expect(kinds(consumer)).toEqual(['api-consumer/warning']);
  });

  it('warns only about the dependents of a hub in scope that are releasing', () => {
    const dependents = Array.from({ length: 50 }, (_, i) => c(`app-${i}`));
    const hubGraph = graphOf({
      [c('hub')]: {},
      ...Object.fromEntries(
        dependents.map(ref => [ref, { dependsOn: [c('hub')] }]),
      ),
    });
    const conflicts = detectConflicts({
      graph: hubGraph,
      plan: plan({ scope: [c('hub')] }),
      others: [
        other('a', [dependents[7]]),
        other('b', [dependents[42], c('hub')]),
        other('later', [dependents[3]], '2030-03-05T12:00:00Z'),
      ],
      freezes: [],
      now,
    });
    expect(
      conflicts.map(x => `${x.kind} ${partyId(x)} ${x.entityRef}`),
    ).toEqual([
      `dependent a ${c('hub')}`,
      `dependent b ${c('hub')}`,
      `same-entity b ${c('hub')}`,
    ]);
    expect(conflicts[0].message).toBe(
      'Release "Release a" changes component:default/app-7, which depends on it (component:default/hub), in an overlapping window',
    );
  });

  it('applies freezes by scope, inheriting domain and system freezes down partOf', () => {
    const conflicts = detectConflicts({
      graph,
      plan: plan(),
      others: [],
      freezes: [
        freeze({ type: 'domains', refs: ['domain:default/shop'] }),
        freeze({ type: 'systems', refs: ['system:default/other'] }),
        freeze({ type: 'tags', tags: ['pci'] }, 'soft'),
        freeze({ type: 'owners', refs: ['group:default/team-cart'] }, 'soft'),
        freeze({ type: 'entities', refs: [c('web')] }),
      ],
      now,
    });
    expect(conflicts.map(x => x.message)).toEqual([
      'Hard freeze "Freeze domains" (2030-03-05T00:00:00Z – 2030-03-06T00:00:00Z) is inherited from domain:default/shop for component:default/cart',
      'Soft freeze "Freeze tags" (2030-03-05T00:00:00Z – 2030-03-06T00:00:00Z) covers its tag pci for component:default/cart',
      'Soft freeze "Freeze owners" (2030-03-05T00:00:00Z – 2030-03-06T00:00:00Z) covers its owner group:default/team-cart for component:default/cart',
    ]);
    expect(conflicts.map(x => [x.severity, x.overridable])).toEqual([
      ['blocking', false],
      ['warning', true],
      ['warning', true],
    ]);
  });

  it('finds every freeze that covers any entity of a large scope, in scope order', () => {
    // Every entity against every freeze, the way the rule reads; the check
    // looks entities up by what each freeze names instead.
    const scope = [
      c('web'),
      c('cart'),
      c('pricing'),
      'api:default/stock-api',
      c('elsewhere'),
      c('stock'),
      c('unknown'),
    ];
    const freezes = [
      freeze({ type: 'all' }),
      freeze({ type: 'entities', refs: [c('stock'), c('web'), c('web')] }),
      freeze({ type: 'systems', refs: ['system:default/checkout'] }),
      freeze({ type: 'domains', refs: ['domain:default/shop'] }),
      freeze({ type: 'tags', tags: ['none', 'pci'] }, 'soft'),
      freeze({ type: 'owners', refs: ['group:default/team-cart'] }),
      freeze({ type: 'entities', refs: [] }),
    ];
    const conflicts = detectConflicts({
      graph,
      plan: plan({ scope }),
      others: [],
      freezes,
      now,
    });
    const expected: string[] = [];
    for (const f of freezes) {
      for (const ref of scope) {
        const how = freezeCoversWith(f.scope, coverageOf(graph, ref));
        if (how) expected.push(`${f.freezeWindowId} ${how} for ${ref}`);
      }
    }
    expect(expected.length).toBeGreaterThan(scope.length + 5);
    expect(
      conflicts
        .filter(x => x.kind === 'freeze')
        .map(x => `${partyId(x)} ${x.message.split(') ')[1]}`),
    ).toEqual(expected);
  });

  it('lets a hard freeze be overridden only when the model allows it', () => {
    const [conflict] = detectConflicts({
      graph,
      plan: plan({ model: model({ freezeOverrideAllowed: true }) }),
      others: [],
      freezes: [freeze({ type: 'all' })],
      now,
    });
    expect(conflict).toMatchObject({ severity: 'blocking', overridable: true });
  });

  it('blocks a window shorter than the lead time away', () => {
    const [conflict] = detectConflicts({
      graph,
      plan: plan({ model: model({ minimumLeadTimeHours: 48 }) }),
      others: [],
      freezes: [],
      now: new Date('2030-03-04T22:00:00Z'),
    });
    expect(conflict).toMatchObject({ kind: 'lead-time', severity: 'blocking' });
    expect(conflict.message).toBe(
      'The window starts in 12.0 hours; the model asks for at least 48',
    );
  });

  it('says a window that has started is in the past, whatever the lead time', () => {
    const [conflict] = detectConflicts({
      graph,
      plan: plan({ model: model({ minimumLeadTimeHours: 0 }) }),
      others: [],
      freezes: [],
      now: new Date('2030-03-05T13:00:00Z'),
    });
    expect(conflict).toMatchObject({ kind: 'lead-time', severity: 'blocking' });
    expect(conflict.message).toMatch(
      /^The window started 3\.0 hours ago; a release is planned before its window starts$/,
    );
  });

  it('blocks over the concurrency limit of a system', () => {
    const conflicts = detectConflicts({
      graph,
      plan: plan({ model: model({ maxConcurrentReleasesPerSystem: 2 }) }),
      others: [other('a', [c('pricing')])],
      freezes: [],
      now,
    });
    expect(kinds(conflicts)).toEqual(['dependency/warning']);
    const over = detectConflicts({
      graph,
      plan: plan({ model: model({ maxConcurrentReleasesPerSystem: 1 }) }),
      others: [other('a', [c('pricing')])],
      freezes: [],
      now,
    });
    expect(kinds(over)).toEqual([
      'dependency/warning',
      'concurrency-limit/blocking',
    ]);
    expect(over[1].message).toBe(
      '1 other release(s) of system:default/checkout overlap ("Release a"); the model allows 1 at a time',
    );
  });

  it('warns outside the maintenance windows, in their time zone across DST', () => {
    const weekdayMornings = {
      maintenanceWindows: [
        {
          title: 'Weekday mornings',
          rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
          timeZone: 'Europe/Oslo',
          startTime: '07:00',
          durationMinutes: 300,
        },
      ],
    };
    // Friday 27 March 2026 is CET (06:00Z); Monday 30 March is CEST (05:00Z).
    const inside = (start: string, end: string) =>
      detectConflicts({
        graph,
        plan: plan({ start, end, model: model(weekdayMornings) }),
        others: [],
        freezes: [],
        now: new Date('2026-01-01T00:00:00Z'),
      });
    expect(inside('2026-03-27T06:00:00Z', '2026-03-27T08:00:00Z')).toEqual([]);
    expect(inside('2026-03-30T05:00:00Z', '2026-03-30T10:00:00Z')).toEqual([]);
    // 05:00Z on the Friday is 06:00 in Oslo: before the window opens.
    expect(
      kinds(inside('2026-03-27T05:00:00Z', '2026-03-27T07:00:00Z')),
    ).toEqual(['outside-maintenance-window/warning']);
    // Saturday.
    expect(
      kinds(inside('2026-03-28T07:00:00Z', '2026-03-28T08:00:00Z')),
    ).toEqual(['outside-maintenance-window/warning']);
  });
});

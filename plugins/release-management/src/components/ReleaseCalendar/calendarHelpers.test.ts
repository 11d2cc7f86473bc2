import { DateTime } from 'luxon';
import { aCalendar } from '../../testUtils';
import {
  aCalendarDeployment,
  aCalendarFreeze,
  aCalendarRelease,
} from './__fixtures__';
import { formatWindow } from '../shared/formatTime';
import { toCalendarEvents, tooltipOf } from './calendarEvents';
import {
  calendarQuery,
  completeEntityRef,
  NO_FILTERS,
  NOTHING_SEEN,
  seenIn,
} from './calendarQuery';
import { toQueryRange, visibleRange } from './calendarRange';
import {
  freezeOnDay,
  inLanes,
  timelineDays,
  systemName,
  timelineRows,
} from './timelineLayout';

// The calendar works in the viewer's zone: these tests give wall times of
// the zone they run in (UTC by default, and others in scripts/test).
/** The instant of wall time `wall` in the zone the tests run in. */
const local = (wall: string) => DateTime.fromISO(wall).toUTC().toISO()!;
const localDate = (wall: string) => DateTime.fromISO(wall).toJSDate();

const range = {
  from: local('2030-01-01T00:00:00'),
  to: local('2030-02-01T00:00:00'),
};

describe('calendar ranges', () => {
  it('asks for whole days, the end exclusive', () => {
    expect(
      toQueryRange([
        localDate('2030-01-06T00:00:00'),
        localDate('2030-01-12T00:00:00'),
      ]),
    ).toEqual({
      from: local('2030-01-06T00:00:00'),
      to: local('2030-01-13T00:00:00'),
    });
    expect(
      toQueryRange({
        start: localDate('2030-01-15T12:30:00'),
        end: localDate('2030-02-14T12:30:00'),
      }),
    ).toEqual({
      from: local('2030-01-15T00:00:00'),
      to: local('2030-02-15T00:00:00'),
    });
  });

  it('never asks for more than the API allows', () => {
    const { from, to } = toQueryRange({
      start: localDate('2030-01-01T00:00:00'),
      end: localDate('2033-01-01T00:00:00'),
    });
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(731);
  });

  it('knows the first range of each view', () => {
    const date = localDate('2030-01-15T12:00:00');
    // Weeks starting on Monday (1): January 2030 starts on a Tuesday.
    expect(toQueryRange(visibleRange('month', date, 1))).toEqual({
      from: local('2029-12-31T00:00:00'),
      to: local('2030-02-04T00:00:00'),
    });
    expect(toQueryRange(visibleRange('week', date, 7))).toEqual({
      from: local('2030-01-13T00:00:00'),
      to: local('2030-01-20T00:00:00'),
    });
    expect(toQueryRange(visibleRange('timeline', date, 1))).toEqual(range);
  });
});

describe('calendar filters', () => {
  it('completes typed entity refs with a kind and the default namespace', () => {
    expect(completeEntityRef('Checkout', 'system')).toBe(
      'system:default/checkout',
    );
    expect(completeEntityRef('group:ops/SRE', 'group')).toBe('group:ops/sre');
    expect(completeEntityRef('  ', 'system')).toBeUndefined();
    expect(completeEntityRef(null, 'system')).toBeUndefined();
  });

  it('sends one subject, and none when the calendar is about an entity', () => {
    const filters = {
      ...NO_FILTERS,
      system: 'system:default/checkout',
      status: ['planned' as const],
    };
    expect(calendarQuery(range, {}, filters)).toEqual({
      ...range,
      system: 'system:default/checkout',
      status: ['planned'],
    });
    expect(
      calendarQuery(range, { entityRef: 'component:default/a' }, filters),
    ).toEqual({
      ...range,
      entityRef: 'component:default/a',
      status: ['planned'],
    });
  });

  it('collects systems, domains, owners and models seen', () => {
    const seen = seenIn(
      NOTHING_SEEN,
      aCalendar({
        releases: [
          aCalendarRelease({
            model: 'normal',
            scope: ['system:default/checkout'],
          }),
        ],
        freezes: [
          aCalendarFreeze({
            scope: { type: 'owners', refs: ['group:default/team-a'] },
          }),
          aCalendarFreeze({
            scope: { type: 'domains', refs: ['domain:default/commerce'] },
          }),
        ],
      }),
    );
    expect(seen).toEqual({
      systems: ['system:default/checkout'],
      domains: ['domain:default/commerce'],
      owners: ['group:default/team-a'],
      models: ['normal'],
    });
  });
});

describe('calendar events', () => {
  it('leaves out releases without a window and says where each came from', () => {
    const { releases, freezes } = toCalendarEvents(
      aCalendar({
        releases: [
          aCalendarRelease({
            reason: 'dependency',
            via: 'component:default/pricing',
          }),
          aCalendarRelease({ id: 'r9', plannedWindow: null }),
        ],
        freezes: [aCalendarFreeze()],
      }),
    );
    expect(releases.map(r => r.release.id)).toEqual(['r1']);
    expect(tooltipOf(releases[0])).toBe(
      [
        'Basket sharing (cart 4.2) — scheduled, model normal',
        // Planned in Oslo (UTC+1 in winter), shown there.
        'Mon, Jan 7, 2030, 09:00 – 11:00 Europe/Oslo',
        'a dependency is in scope: component:default/pricing',
      ].join('\n'),
    );
    expect(tooltipOf(freezes[0])).toContain('Hard freeze: Year-end trading');
    expect(tooltipOf(freezes[0])).toContain('applies to everything');
  });

  it('draws deployments from start to end, open ones as a short bar', () => {
    const { deployments } = toCalendarEvents(
      aCalendar({
        deployments: [
          aCalendarDeployment(),
          aCalendarDeployment({
            id: 'd2',
            status: 'started',
            finishedAt: null,
            releaseId: null,
          }),
        ],
      }),
    );
    expect(deployments.map(d => d.title)).toEqual([
      'Deployed cart-service 4.2.0 to production',
      'Deploying cart-service 4.2.0 to production',
    ]);
    expect(deployments[0].end.toISOString()).toBe('2030-01-07T08:40:00.000Z');
    expect(deployments[1].end.toISOString()).toBe('2030-01-07T08:25:00.000Z');
    expect(tooltipOf(deployments[1])).toContain('no release covers it');
  });

  it('shows a window spanning days with both dates', () => {
    expect(
      formatWindow('2030-01-07T08:00:00Z', '2030-01-08T08:00:00Z', 'UTC'),
    ).toBe('Mon, Jan 7, 2030, 08:00 – Tue, Jan 8, 2030, 08:00 UTC');
  });
});

describe('timeline layout', () => {
  const days = timelineDays(
    localDate('2030-01-01T00:00:00'),
    localDate('2030-01-31T00:00:00'),
  );
  const release = (id: string, start: string, end: string, scope: string[]) => {
    const [event] = toCalendarEvents(
      aCalendar({
        releases: [
          aCalendarRelease({
            id,
            scope,
            plannedWindow: { start, end, timeZone: 'UTC' },
          }),
        ],
      }),
    ).releases;
    return event;
  };

  it('puts overlapping releases in separate lanes and clips to the month', () => {
    const { bars, lanes } = inLanes(days, [
      release(
        'a',
        local('2030-01-02T08:00:00'),
        local('2030-01-04T00:00:00'),
        [],
      ),
      release(
        'b',
        local('2030-01-03T08:00:00'),
        local('2030-01-03T09:00:00'),
        [],
      ),
      release(
        'c',
        local('2030-01-04T08:00:00'),
        local('2030-01-04T09:00:00'),
        [],
      ),
      release(
        'd',
        local('2029-12-30T08:00:00'),
        local('2030-01-01T09:00:00'),
        [],
      ),
    ]);
    expect(days).toHaveLength(31);
    expect(lanes).toBe(2);
    expect(
      Object.fromEntries(
        bars.map(b => [b.event.release.id, [b.firstDay, b.lastDay, b.lane]]),
      ),
    ).toEqual({ d: [0, 0, 0], a: [1, 2, 0], b: [2, 2, 1], c: [3, 3, 0] });
  });

  it('has a row per system, releases of no known system last', () => {
    const rows = timelineRows(
      days,
      [
        release(
          'a',
          local('2030-01-02T08:00:00'),
          local('2030-01-02T09:00:00'),
          ['x'],
        ),
        release(
          'b',
          local('2030-01-02T08:00:00'),
          local('2030-01-02T09:00:00'),
          ['y'],
        ),
      ],
      r =>
        r.release.id === 'a' ? ['system:default/b', 'system:default/a'] : [],
    );
    expect(rows.map(r => [r.system, r.bars.length])).toEqual([
      ['system:default/a', 1],
      ['system:default/b', 1],
      [null, 1],
    ]);
  });

  it('shades a row on the days a freeze of everything or of its system covers', () => {
    const { freezes } = toCalendarEvents(
      aCalendar({
        freezes: [
          aCalendarFreeze({
            severity: 'soft',
            scope: { type: 'systems', refs: ['system:default/a'] },
            start: local('2030-01-09T00:00:00'),
            end: local('2030-01-11T00:00:00'),
          }),
        ],
      }),
    );
    const jan9 = DateTime.fromISO(local('2030-01-09T00:00:00'));
    expect(freezeOnDay(jan9, freezes, 'system:default/a')).toBe('soft');
    expect(freezeOnDay(jan9, freezes, 'system:default/b')).toBeUndefined();
    expect(
      freezeOnDay(jan9.plus({ days: 2 }), freezes, 'system:default/a'),
    ).toBeUndefined();
  });
});

describe('systemName', () => {
  it('drops the kind, and the namespace when it is the default', () => {
    expect(systemName('system:default/checkout')).toBe('checkout');
    expect(systemName('system:ops/db')).toBe('ops/db');
    expect(systemName(null)).toBe('No system');
  });
});

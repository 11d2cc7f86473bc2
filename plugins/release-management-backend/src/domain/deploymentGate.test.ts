import {
  decideGate,
  type GateFreeze,
  type GateInput,
  type GateRelease,
} from './deploymentGate';

const cart = 'component:default/cart';
const at = '2030-01-07T09:30:00.000Z';

const release = (overrides: Partial<GateRelease> = {}): GateRelease => ({
  id: 'r1',
  title: 'Basket sharing',
  status: 'scheduled',
  plannedWindow: {
    start: '2030-01-07T09:00:00.000Z',
    end: '2030-01-07T11:00:00.000Z',
  },
  actualStart: null,
  actualEnd: null,
  scope: [{ entityRef: cart, version: '4.2.0' }],
  model: { name: 'normal', releaseType: 'minor', freezeOverrideAllowed: false },
  ...overrides,
});

const freeze = (overrides: Partial<GateFreeze> = {}): GateFreeze => ({
  freezeWindowId: 'f1',
  title: 'Peak',
  severity: 'hard',
  start: '2030-01-07T00:00:00.000Z',
  end: '2030-01-08T00:00:00.000Z',
  how: 'is inherited from system:default/checkout (component:default/cart)',
  ...overrides,
});

const ask = (overrides: Partial<GateInput> = {}) =>
  decideGate({
    entityRef: cart,
    environment: 'production',
    version: '4.2.0',
    at,
    production: true,
    releases: [release()],
    freezes: [],
    ...overrides,
  });

const kinds = (outcome: ReturnType<typeof decideGate>) =>
  outcome.reasons.map(r => r.kind);

describe('decideGate', () => {
  it('allows a deployment a scheduled or in-progress release covers', () => {
    const outcome = ask();
    expect(outcome).toMatchObject({
      decision: 'allowed',
      release: 'r1',
      overridden: false,
    });
    expect(outcome.reasons[0].message).toBe(
      'Release "Basket sharing" (scheduled) covers component:default/cart 4.2.0 in its window 2030-01-07T09:00:00.000Z – 2030-01-07T11:00:00.000Z',
    );
    expect(ask({ version: 'v4.2.0' }).decision).toBe('allowed');
    // Running late: in progress past its planned window.
    expect(
      ask({
        at: '2030-01-07T12:00:00.000Z',
        releases: [
          release({
            status: 'in-progress',
            actualStart: '2030-01-07T09:05:00.000Z',
          }),
        ],
      }).decision,
    ).toBe('allowed');
  });

  it('allows other environments without a release', () => {
    const outcome = ask({
      environment: 'staging',
      production: false,
      releases: [],
    });
    expect(outcome.decision).toBe('allowed');
    expect(outcome.reasons).toEqual([
      {
        kind: 'not-production',
        message:
          'staging is not a production environment; deployments there need no release',
      },
    ]);
  });

  it('warns of a soft freeze but lets the deployment through', () => {
    const outcome = ask({ freezes: [freeze({ severity: 'soft' })] });
    expect(outcome.decision).toBe('allowed');
    expect(kinds(outcome)).toEqual(['covered', 'soft-freeze']);
  });

  it('prevents a deployment in a hard freeze, naming the freeze', () => {
    const outcome = ask({ freezes: [freeze()] });
    expect(outcome.decision).toBe('prevented');
    expect(outcome.release).toBe('r1');
    expect(kinds(outcome)).toEqual(['covered', 'hard-freeze']);
    expect(outcome.reasons[1].message).toBe(
      'Hard freeze "Peak" (2030-01-07T00:00:00.000Z – 2030-01-08T00:00:00.000Z) is inherited from system:default/checkout (component:default/cart)',
    );
  });

  it('lets an emergency release override a hard freeze with a justification', () => {
    const emergency = release({
      model: {
        name: 'emergency',
        releaseType: 'emergency',
        freezeOverrideAllowed: true,
      },
    });
    const override = { justification: 'Checkout is down for every user' };
    const outcome = ask({
      releases: [emergency],
      freezes: [freeze()],
      override,
    });
    expect(outcome.decision).toBe('allowed');
    expect(outcome.overridden).toBe(true);
    expect(kinds(outcome)).toEqual([
      'covered',
      'hard-freeze',
      'freeze-overridden',
    ]);
    // Without asking for the override, the freeze holds.
    expect(ask({ releases: [emergency], freezes: [freeze()] }).decision).toBe(
      'prevented',
    );
  });

  it('refuses an override for a release of a model that may not', () => {
    const outcome = ask({
      freezes: [freeze()],
      override: { justification: 'We really want this out today' },
    });
    expect(outcome.decision).toBe('prevented');
    expect(outcome.overridden).toBe(false);
    expect(outcome.reasons.at(-1)).toEqual({
      kind: 'override-refused',
      releaseId: 'r1',
      message:
        'Release "Basket sharing" follows model "normal" (minor), which may not override freezes; only emergency models whose policy allows freeze overrides can',
    });
  });

  it('waits for a covering release that is not approved yet', () => {
    const outcome = ask({
      releases: [
        release({
          status: 'planned',
          awaiting: [
            'Approval "Change advisory board" of stage "Verify procedures" needs 2 approval(s)',
          ],
        }),
      ],
    });
    expect(outcome).toMatchObject({ decision: 'awaiting', release: 'r1' });
    expect(outcome.reasons[0]).toEqual({
      kind: 'not-approved',
      releaseId: 'r1',
      message:
        'Release "Basket sharing" covers component:default/cart 4.2.0 but is planned and not yet approved: Approval "Change advisory board" of stage "Verify procedures" needs 2 approval(s)',
    });
    // Approval would not open a hard freeze: that is no wait.
    expect(
      ask({
        releases: [release({ status: 'planned', awaiting: [] })],
        freezes: [freeze()],
      }).decision,
    ).toBe('prevented');
  });

  it('prevents a deployment no release covers, saying why each near one does not', () => {
    const outcome = ask({
      version: '4.3.0',
      at: '2030-01-07T12:00:00.000Z',
      releases: [
        release(),
        release({ id: 'r2', title: 'Old', status: 'cancelled' }),
      ],
    });
    expect(outcome.decision).toBe('prevented');
    expect(outcome.release).toBeUndefined();
    expect(outcome.reasons.map(r => `${r.kind}: ${r.message}`)).toEqual([
      'no-release: No scheduled or in-progress release covers component:default/cart 4.3.0 in production at 2030-01-07T12:00:00.000Z',
      'wrong-version: Release "Basket sharing" releases component:default/cart 4.2.0, not 4.3.0',
      'outside-window: Release "Basket sharing" is planned for 2030-01-07T09:00:00.000Z – 2030-01-07T11:00:00.000Z; 2030-01-07T12:00:00.000Z is outside it',
      'release-status: Release "Old" has component:default/cart in scope but is cancelled',
      'wrong-version: Release "Old" releases component:default/cart 4.2.0, not 4.3.0',
      'outside-window: Release "Old" is planned for 2030-01-07T09:00:00.000Z – 2030-01-07T11:00:00.000Z; 2030-01-07T12:00:00.000Z is outside it',
    ]);
    expect(kinds(ask({ releases: [] }))).toEqual(['no-release']);
  });
});

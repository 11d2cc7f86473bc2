import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import {
  assertMoveAllowed,
  gateVerdict,
  transitionWrite,
} from './transitionRules';

const actor = {
  ref: 'user:default/rm',
  ownershipEntityRefs: ['user:default/rm', 'group:default/cab'],
};
const at = '2030-01-07T08:00:00.000Z';
const cabMissing = {
  stage: 'verify-procedures',
  kind: 'approval' as const,
  id: 'cab',
  message: 'CAB has not approved',
};

describe('transition rules', () => {
  it('names the moves a model allows when it refuses one', () => {
    expect(() =>
      assertMoveAllowed(draftRelease(), normalModel, 'deployed'),
    ).toThrow(
      /does not allow a release to go from draft to deployed; from draft it may go to/,
    );
    expect(() =>
      assertMoveAllowed(draftRelease(), normalModel, 'planned'),
    ).not.toThrow();
  });

  it('lets gates pass, asks for an override, or refuses outright', () => {
    const request = { to: 'scheduled' as const };
    expect(gateVerdict([], request)).toBe('pass');
    expect(() => gateVerdict([cabMissing], request)).toThrow(
      'The release cannot move to scheduled: CAB has not approved',
    );
    const override = {
      ...request,
      override: { justification: 'Hotfix for an outage' },
    };
    expect(gateVerdict([cabMissing], override)).toBe('override');
    expect(() =>
      gateVerdict([{ ...cabMissing, overridable: false }], override),
    ).toThrow(/not even with an override: CAB has not approved/);
  });

  it('marks actual times and records skipped gates with the justification', () => {
    const release = draftRelease({ status: 'scheduled' });
    const write = transitionWrite(
      release,
      {
        to: 'in-progress',
        override: { justification: 'Hotfix for an outage' },
      },
      [cabMissing],
      actor,
      at,
    );
    expect(write.fields).toEqual({ status: 'in-progress', actualStart: at });
    expect(write.history.details).toEqual({
      from: 'scheduled',
      to: 'in-progress',
      override: {
        justification: 'Hotfix for an outage',
        skippedGates: [cabMissing],
      },
    });
    expect(
      transitionWrite(release, { to: 'deployed' }, undefined, actor, at).fields,
    ).toEqual({ status: 'deployed', actualEnd: at });
  });
});

import { draftRelease } from '../__testUtils__/fixtures';
import { describeApprover, isEligibleApprover } from './approvers';

describe('isEligibleApprover', () => {
  const release = draftRelease();

  it('accepts members of the named group only', () => {
    const gate = { type: 'group' as const, group: 'group:default/cab' };
    expect(
      isEligibleApprover(gate, release, {
        ref: 'user:default/a',
        ownershipEntityRefs: ['user:default/a', 'group:default/cab'],
      }),
    ).toBe(true);
    expect(
      isEligibleApprover(gate, release, {
        ref: 'user:default/b',
        ownershipEntityRefs: ['user:default/b', 'group:default/other'],
      }),
    ).toBe(false);
    expect(describeApprover(gate)).toBe('members of group:default/cab');
  });

  it('accepts the release manager for a release-manager gate', () => {
    const gate = { type: 'release-manager' as const };
    expect(
      isEligibleApprover(gate, release, {
        ref: 'user:default/rm',
        ownershipEntityRefs: [],
      }),
    ).toBe(true);
    expect(
      isEligibleApprover(gate, release, {
        ref: 'user:default/x',
        ownershipEntityRefs: [],
      }),
    ).toBe(false);
  });

  it('accepts an owner of any entity in scope for a scope-owners gate', () => {
    const gate = { type: 'scope-owners' as const };
    expect(
      isEligibleApprover(gate, release, {
        ref: 'user:default/dev',
        ownershipEntityRefs: ['user:default/dev', 'group:default/team-cart'],
      }),
    ).toBe(true);
    expect(
      isEligibleApprover(gate, release, {
        ref: 'service:ci',
        ownershipEntityRefs: [],
      }),
    ).toBe(false);
  });
});

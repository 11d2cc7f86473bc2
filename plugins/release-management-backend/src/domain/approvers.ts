import type { Approver } from '@release-management/plugin-release-management-common';
import type { StoredRelease } from '../database/ReleaseStore';

/** Who is acting: a user with the groups they belong to, or a service. */
export type Actor = {
  /** `user:default/jane`, or the subject of a service principal. */
  ref: string;
  /** The user and the groups that count as the user for ownership. */
  ownershipEntityRefs: string[];
};

/** The approvers of a gate in words, for messages. */
export function describeApprover(approver: Approver): string {
  switch (approver.type) {
    case 'group':
      return `members of ${approver.group}`;
    case 'release-manager':
      return 'the release manager';
    case 'scope-owners':
      return 'an owner of an entity in the scope';
    default:
      return 'unknown approvers';
  }
}

/** Whether `actor` is one of the approvers a gate asks for. */
export function isEligibleApprover(
  approver: Approver,
  release: StoredRelease,
  actor: Actor,
): boolean {
  const owned = new Set(actor.ownershipEntityRefs);
  switch (approver.type) {
    case 'group':
      return owned.has(approver.group);
    case 'release-manager':
      return actor.ref === release.releaseManager;
    case 'scope-owners':
      return release.scope.some(item => item.owner && owned.has(item.owner));
    default:
      return false;
  }
}

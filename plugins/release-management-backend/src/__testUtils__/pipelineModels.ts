import type { ReleaseModelDefinitionInput } from '@release-management/plugin-release-management-common';

const stages = (
  approve: ReleaseModelDefinitionInput['stages'][number],
): ReleaseModelDefinitionInput['stages'] => [
  approve,
  { key: 'execute', title: 'Execute', completesWith: 'deployed' },
  { key: 'verify-release', title: 'Verify release', completesWith: 'verified' },
  { key: 'review', title: 'Review', completesWith: 'closed' },
];

/**
 * Models for pipeline tests: `approved` needs the release manager's
 * approval to be scheduled, `emergency` may override freezes, `flag` rolls
 * out behind a feature flag. None has a lead time, so windows can start
 * soon after the test does.
 */
export const pipelineModels: Array<
  ReleaseModelDefinitionInput & { name: string }
> = [
  {
    name: 'approved',
    title: 'Approved release',
    owner: 'group:default/release-managers',
    releaseType: 'minor',
    rolloutStrategy: 'big-bang',
    stages: stages({
      key: 'approve',
      title: 'Approve',
      completesWith: 'scheduled',
      approvals: [
        {
          id: 'release-manager',
          title: 'Release manager',
          from: { type: 'release-manager' },
        },
      ],
    }),
    transitions: [
      { from: 'draft', to: 'planned' },
      { from: 'planned', to: 'scheduled' },
      { from: 'scheduled', to: 'in-progress' },
      { from: 'in-progress', to: 'deployed' },
      { from: 'deployed', to: 'verified' },
    ],
  },
  {
    name: 'emergency',
    title: 'Emergency fix',
    owner: 'group:default/release-managers',
    releaseType: 'emergency',
    rolloutStrategy: 'big-bang',
    schedulingPolicy: { freezeOverrideAllowed: true },
    stages: stages({
      key: 'approve',
      title: 'Approve',
      completesWith: 'scheduled',
    }),
    transitions: [
      { from: 'draft', to: 'scheduled' },
      { from: 'scheduled', to: 'in-progress' },
      { from: 'in-progress', to: 'deployed' },
    ],
  },
  {
    name: 'flag',
    title: 'Feature flag',
    owner: 'group:default/release-managers',
    releaseType: 'minor',
    rolloutStrategy: 'feature-flag',
    stages: stages({
      key: 'approve',
      title: 'Approve',
      completesWith: 'scheduled',
    }),
    transitions: [
      { from: 'draft', to: 'scheduled' },
      { from: 'scheduled', to: 'in-progress' },
      { from: 'in-progress', to: 'deployed' },
      { from: 'deployed', to: 'verified' },
    ],
  },
];

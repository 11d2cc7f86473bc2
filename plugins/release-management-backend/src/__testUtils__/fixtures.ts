import type { Entity } from '@backstage/catalog-model';
import {
  releaseModelDefinitionSchema,
  type ReleaseModelDefinition,
  type ReleaseModelDefinitionInput,
} from '@release-management/plugin-release-management-common';
import type { StoredRelease } from '../database/ReleaseStore';

/** A normal-change model: plan, two verification stages, execute, verify, review. */
export const normalModelInput: ReleaseModelDefinitionInput = {
  title: 'Normal release',
  owner: 'group:default/release-managers',
  releaseType: 'minor',
  rolloutStrategy: 'big-bang',
  stages: [
    {
      key: 'plan',
      title: 'Plan',
      completesWith: 'planned',
      automaticChecks: ['scope-not-empty', 'planned-window-set'],
    },
    {
      key: 'verify-components',
      title: 'Verify components',
      completesWith: 'scheduled',
      checklist: [{ id: 'tests-green', title: 'Tests are green' }],
      approvals: [
        {
          id: 'owners',
          title: 'Scope owners',
          from: { type: 'scope-owners' },
        },
      ],
    },
    {
      key: 'verify-procedures',
      title: 'Verify procedures',
      completesWith: 'scheduled',
      checklist: [
        { id: 'rollback-plan', title: 'Rollback plan' },
        { id: 'nice-to-have', title: 'Optional extra', required: false },
      ],
      approvals: [
        {
          id: 'cab',
          title: 'Change advisory board',
          count: 2,
          from: { type: 'group', group: 'group:default/cab' },
        },
      ],
    },
    { key: 'execute', title: 'Execute', completesWith: 'deployed' },
    {
      key: 'verify-release',
      title: 'Verify release',
      completesWith: 'verified',
      checklist: [{ id: 'smoke-tested', title: 'Smoke tested' }],
    },
    {
      key: 'review',
      title: 'Review',
      completesWith: 'closed',
      automaticChecks: ['review-recorded'],
    },
  ],
};

export const normalModel: ReleaseModelDefinition =
  releaseModelDefinitionSchema.parse(normalModelInput);

/** A stored release of `normalModel` in draft, for domain tests. */
export function draftRelease(
  overrides: Partial<StoredRelease> = {},
): StoredRelease {
  return {
    id: 'r1',
    title: 'Basket sharing',
    versionLabel: '4.2',
    notes: '',
    releaseManager: 'user:default/rm',
    model: { name: 'normal', revision: 1 },
    status: 'draft',
    visibility: 'normal',
    scope: [
      {
        entityRef: 'component:default/cart',
        version: '4.2.0',
        owner: 'group:default/team-cart',
        system: 'system:default/checkout',
      },
    ],
    plannedWindow: {
      start: '2030-01-07T09:00:00.000Z',
      end: '2030-01-07T11:00:00.000Z',
      timeZone: 'Europe/Oslo',
    },
    actualStart: null,
    actualEnd: null,
    phases: [],
    checklist: [],
    approvals: [],
    review: null,
    verification: null,
    revision: 1,
    createdAt: '2029-12-01T00:00:00.000Z',
    createdBy: 'user:default/rm',
    updatedAt: '2029-12-01T00:00:00.000Z',
    ...overrides,
  };
}

function component(
  name: string,
  owner: string,
  system: string,
  dependsOn: string[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner,
      system,
      dependsOn,
    },
  };
}

/** A small catalog: two teams, two systems, three components. */
export const catalogEntities: Entity[] = [
  component('cart', 'team-cart', 'checkout', ['component:default/pricing']),
  component('pricing', 'team-cart', 'checkout'),
  component('search', 'group:default/team-search', 'discovery'),
  // The users of the test app (see testApp.ts): feeds check their owner.
  ...['rm', 'owner', 'cab1', 'cab2', 'outsider'].map(testUser),
];

/** A user entity of the catalog, as the feeds' owner check reads it. */
export function testUser(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [] },
  };
}

import type { FreezeScope } from '@release-management/plugin-release-management-common';

/** A freeze scope in words: "everything", "systems: system:default/checkout". */
export function describeScope(scope: FreezeScope): string {
  if (scope.type === 'all') return 'everything';
  if (scope.type === 'tags') return `tags: ${scope.tags.join(', ')}`;
  return `${scope.type}: ${scope.refs.join(', ')}`;
}

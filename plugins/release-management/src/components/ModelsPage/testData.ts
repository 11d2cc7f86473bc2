import type { ReleaseModelRevision } from '@release-management/plugin-release-management-common';
import { aModel } from '../ReleaseWizard/testData';

export { aModel };

/** A stored revision of a model, for component tests. */
export function aModelRevision(
  revision: number,
  title = 'Normal release',
): ReleaseModelRevision {
  const {
    name,
    revision: _current,
    source,
    readOnly,
    createdAt,
    updatedAt,
    updatedBy,
    ...definition
  } = aModel({ title });
  return {
    name,
    revision,
    definition: definition as ReleaseModelRevision['definition'],
    createdAt: `2029-11-0${revision}T00:00:00.000Z`,
    createdBy: 'user:default/radia.perlman',
  };
}

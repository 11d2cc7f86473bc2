import { useApi } from '@backstage/core-plugin-api';
import type {
  Release,
  ReleaseModelDefinition,
} from '@release-management/plugin-release-management-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';

/**
 * The definition of the model revision a release follows. A release keeps the
 * revision it started with, so when the model has moved on since, the stages
 * and gates come from that older revision, as the backend evaluates them.
 */
export function useModelDefinition(model: Release['model'] | undefined) {
  const api = useApi(releaseManagementApiRef);
  const name = model?.name;
  const revision = model?.revision;
  return useAsync(async (): Promise<ReleaseModelDefinition | undefined> => {
    if (!name) return undefined;
    const current = await api.getModel(name);
    if (current.revision === revision) return current;
    const revisions = await api.listModelRevisions(name);
    return revisions.find(r => r.revision === revision)?.definition ?? current;
  }, [api, name, revision]);
}

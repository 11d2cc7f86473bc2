import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import type { Release } from '@release-management/plugin-release-management-common';
import { useCallback, useState } from 'react';
import { type ApiFailure, describeFailure } from '../shared/apiFailure';

/** Shown when a write was refused because the release moved on. */
export const CHANGED_MEANWHILE =
  'Someone changed this release meanwhile — reloaded';

/** One change to the release, made on the revision the viewer saw. */
export type ReleaseWrite = (
  call: (revision: number) => Promise<unknown>,
  success: string,
) => Promise<ApiFailure | undefined>;

/**
 * Runs writes against a release: each is made on the release's current
 * revision, reports success or failure as a toast, and reloads the release
 * afterwards so the page shows what the backend now holds.
 *
 * A 409 is either a stale revision or a refusal (a gate, a transition the
 * model does not allow). Comparing the reloaded revision with the one the
 * write was made on tells the two apart without reading the message.
 */
export function useReleaseWrite(
  release: Release | undefined,
  reload: () => Promise<Release | undefined>,
): { write: ReleaseWrite; busy: boolean } {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const revision = release?.revision;

  const write = useCallback<ReleaseWrite>(
    async (call, success) => {
      if (revision === undefined) return undefined;
      setBusy(true);
      try {
        await call(revision);
        alertApi.post({
          message: success,
          severity: 'success',
          display: 'transient',
        });
        await reload();
        return undefined;
      } catch (error) {
        const failure = describeFailure(error);
        if (failure.status === 409) {
          const fresh = await reload();
          if (fresh && fresh.revision !== revision) {
            failure.message = CHANGED_MEANWHILE;
          }
        }
        alertApi.post({ message: failure.message, severity: 'error' });
        return failure;
      } finally {
        setBusy(false);
      }
    },
    [alertApi, reload, revision],
  );

  return { write, busy };
}

import { useApi } from '@backstage/core-plugin-api';
import type { Release } from '@release-management/plugin-release-management-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { releaseManagementApiRef } from '../../api';

/** The release being looked at, and how to fetch it again after a write. */
export type ReleaseState = {
  loading: boolean;
  /** Why the first load failed; a failed reload keeps the last release. */
  error?: Error;
  release?: Release;
  /** Fetches the release again; resolves with it, or undefined on failure. */
  reload: () => Promise<Release | undefined>;
};

/** Loads one release by id, keeping it across reloads so the page does not flash. */
export function useRelease(id: string): ReleaseState {
  const api = useApi(releaseManagementApiRef);
  const [state, setState] = useState<{
    loading: boolean;
    error?: Error;
    release?: Release;
  }>({ loading: true });
  // A reload of an older id must not overwrite the release now shown.
  const current = useRef(id);
  current.current = id;

  const reload = useCallback(async () => {
    try {
      const release = await api.getRelease(id);
      if (current.current === id) setState({ loading: false, release });
      return release;
    } catch (error) {
      if (current.current === id) {
        setState(s =>
          s.release && s.release.id === id
            ? { ...s, loading: false }
            : { loading: false, error: error as Error },
        );
      }
      return undefined;
    }
  }, [api, id]);

  useEffect(() => {
    setState({ loading: true });
    reload();
  }, [reload]);

  return { ...state, reload };
}

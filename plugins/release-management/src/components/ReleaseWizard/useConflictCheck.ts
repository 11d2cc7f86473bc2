import { useApi } from '@backstage/core-plugin-api';
import type {
  ConflictCheckRequest,
  ConflictCheckResponse,
} from '@release-management/plugin-release-management-common';
import { useEffect, useState } from 'react';
import { releaseManagementApiRef } from '../../api';

export type ConflictCheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; result: ConflictCheckResponse }
  | { status: 'failed'; error: Error };

/** How long the plan must stay unchanged before it is checked. */
export const CONFLICT_CHECK_DELAY_MS = 400;

/**
 * Checks a plan for conflicts while it is being edited: once it has been
 * unchanged for a moment, and only the answer to the latest plan is kept,
 * as answers to earlier plans can arrive after it.
 */
export function useConflictCheck(
  request: ConflictCheckRequest | undefined,
): ConflictCheckState {
  const api = useApi(releaseManagementApiRef);
  const [state, setState] = useState<ConflictCheckState>({ status: 'idle' });
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!key) {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setState({ status: 'checking' });
    const timer = setTimeout(() => {
      api.checkConflicts(JSON.parse(key)).then(
        result => current && setState({ status: 'done', result }),
        error => current && setState({ status: 'failed', error }),
      );
    }, CONFLICT_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return state;
}

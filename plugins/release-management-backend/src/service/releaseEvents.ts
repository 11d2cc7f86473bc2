import type { ReleaseStatus } from '@release-management/plugin-release-management-common';
import type { StoredRelease } from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';

/**
 * Something that happened to a release that people outside it may need to
 * hear about: a move to another status, or a planned window that moved.
 */
export type ReleaseEvent =
  | {
      type: 'transitioned';
      release: StoredRelease;
      from: ReleaseStatus;
      actor: Actor;
    }
  | {
      type: 'window-moved';
      release: StoredRelease;
      before: StoredRelease['plannedWindow'];
      actor: Actor;
    };

/** Hears about release events; must not throw (a change is already made). */
export type ReleaseEventListener = (event: ReleaseEvent) => Promise<void>;

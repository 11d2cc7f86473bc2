import type {
  CreateReleaseRequest,
  PatchReleaseRequest,
  Release,
  TimeWindow,
} from '@release-management/plugin-release-management-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { instantToWallTime, wallTimeToInstant } from '../shared/zonedTime';

/** A configuration item picked for the release's scope. */
export interface EntityOption {
  /** Lower-case `kind:namespace/name`. */
  ref: string;
  title?: string;
}

/**
 * Everything the wizard collects. The window is kept as wall-clock times
 * beside a zone, as the person typed it, so that changing the zone keeps
 * "10:00" rather than the instant.
 */
export interface WizardForm {
  entities: EntityOption[];
  /** Version being released, by entity ref. */
  versions: Record<string, string>;
  model: string;
  title: string;
  versionLabel: string;
  notes: string;
  /** An embargoed change: readers the policy keeps out see only its window. */
  restricted: boolean;
  start: string;
  end: string;
  timeZone: string;
}

export function emptyForm(timeZone: string): WizardForm {
  return {
    entities: [],
    versions: {},
    model: '',
    title: '',
    versionLabel: '',
    notes: '',
    restricted: false,
    start: '',
    end: '',
    timeZone,
  };
}

/** The form for editing a stored release. */
export function formFromRelease(release: Release, fallbackZone: string) {
  const timeZone = release.plannedWindow?.timeZone ?? fallbackZone;
  return {
    entities: release.scope.map(item => ({ ref: item.entityRef })),
    versions: Object.fromEntries(
      release.scope.map(item => [item.entityRef, item.version]),
    ),
    model: release.model.name,
    title: release.title,
    versionLabel: release.versionLabel,
    notes: release.notes,
    restricted: release.visibility === 'restricted',
    start: release.plannedWindow
      ? instantToWallTime(release.plannedWindow.start, timeZone)
      : '',
    end: release.plannedWindow
      ? instantToWallTime(release.plannedWindow.end, timeZone)
      : '',
    timeZone,
  };
}

/**
 * The planned window the form describes: none when both times are empty,
 * a problem in words when it is half filled or backwards.
 */
export function plannedWindowOf(form: WizardForm): {
  window?: TimeWindow;
  problem?: string;
} {
  if (!form.start && !form.end) return {};
  const start = wallTimeToInstant(form.start, form.timeZone);
  const end = wallTimeToInstant(form.end, form.timeZone);
  if (!start || !end) {
    return { problem: 'Give both a start and an end, or neither.' };
  }
  if (Date.parse(start) >= Date.parse(end)) {
    return { problem: 'The end must be after the start.' };
  }
  return { window: { start, end, timeZone: form.timeZone } };
}

export function scopeOf(form: WizardForm) {
  return form.entities.map(entity => ({
    entityRef: entity.ref,
    version: (form.versions[entity.ref] ?? '').trim(),
  }));
}

export function createRequestOf(form: WizardForm): CreateReleaseRequest {
  const { window } = plannedWindowOf(form);
  return {
    model: form.model,
    title: form.title.trim(),
    versionLabel: form.versionLabel.trim(),
    notes: form.notes,
    scope: scopeOf(form),
    visibility: form.restricted ? 'restricted' : 'normal',
    ...(window ? { plannedWindow: window } : {}),
  };
}

export function patchRequestOf(
  form: WizardForm,
  revision: number,
): PatchReleaseRequest {
  const { window } = plannedWindowOf(form);
  return {
    revision,
    title: form.title.trim(),
    versionLabel: form.versionLabel.trim(),
    notes: form.notes,
    scope: scopeOf(form),
    visibility: form.restricted ? 'restricted' : 'normal',
    // null clears a window that was emptied while editing.
    plannedWindow: window ?? null,
  };
}

export const STEPS = ['Entities', 'Model', 'Window', 'Confirm'] as const;

/** Why the step cannot be left with "Next" yet, or undefined when it can. */
export function stepProblem(
  step: number,
  form: WizardForm,
): string | undefined {
  if (step === 0) {
    if (form.entities.length === 0) return 'Pick at least one entity.';
    const missing = form.entities.find(e => !form.versions[e.ref]?.trim());
    if (missing) return `Give the version of ${missing.ref}.`;
  }
  if (step === 1) {
    if (!form.model) return 'Choose a release model.';
    if (!form.title.trim()) return 'Give the release a title.';
    if (!form.versionLabel.trim()) return 'Give the release a version label.';
  }
  if (step === 2) {
    return plannedWindowOf(form).problem;
  }
  return undefined;
}

/** `ref` in the canonical lower-case `kind:namespace/name`, if it is a ref. */
export function normalizeEntityRef(ref: string): string | undefined {
  try {
    if (!ref.includes(':')) return undefined;
    return stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

import {
  createFreezeWindowRequestSchema,
  type CreateFreezeWindowRequest,
  type FreezeScope,
  type FreezeWindow,
} from '@release-management/plugin-release-management-common';
import { instantToWallTime, wallTimeToInstant } from '../shared/zonedTime';
import { fromRRule, toRRule, type RecurrenceSpec } from './recurrence';

export type ScopeType = FreezeScope['type'];

export const SCOPE_TYPES: Record<ScopeType, string> = {
  all: 'Everything',
  domains: 'Domains',
  systems: 'Systems',
  owners: 'Owners',
  tags: 'Tags',
  entities: 'Entities',
};

/** What each scope type's list holds, as the field's help says it. */
export const SCOPE_HINTS: Record<ScopeType, string> = {
  all: '',
  domains: 'One domain ref per line, e.g. domain:default/commerce',
  systems: 'One system ref per line, e.g. system:default/checkout',
  owners: 'One group or user ref per line, e.g. group:default/team-checkout',
  tags: 'One tag per line, e.g. pci',
  entities: 'One entity ref per line, e.g. component:default/cart-service',
};

/** A freeze window as the form edits it: wall times in `timeZone`. */
export interface FreezeForm {
  title: string;
  reason: string;
  severity: 'hard' | 'soft';
  start: string;
  end: string;
  timeZone: string;
  recurrence: RecurrenceSpec;
  scopeType: ScopeType;
  /** Refs or tags, one per line. */
  scopeValues: string;
}

export function emptyFreezeForm(
  timeZone: string,
  recurrence: RecurrenceSpec,
): FreezeForm {
  return {
    title: '',
    reason: '',
    severity: 'hard',
    start: '',
    end: '',
    timeZone,
    recurrence,
    scopeType: 'all',
    scopeValues: '',
  };
}

export function formFromFreezeWindow(window: FreezeWindow): FreezeForm {
  const scope = window.scope;
  let scopeValues = '';
  if (scope.type === 'tags') scopeValues = scope.tags.join('\n');
  else if (scope.type !== 'all') scopeValues = scope.refs.join('\n');
  return {
    title: window.title,
    reason: window.reason,
    severity: window.severity,
    start: instantToWallTime(window.start, window.timeZone),
    end: instantToWallTime(window.end, window.timeZone),
    timeZone: window.timeZone,
    recurrence: fromRRule(window.rrule),
    scopeType: scope.type,
    scopeValues,
  };
}

function scopeOf(form: FreezeForm): unknown {
  const values = form.scopeValues
    .split(/[\n,]/)
    .map(v => v.trim())
    .filter(Boolean);
  if (form.scopeType === 'all') return { type: 'all' };
  if (form.scopeType === 'tags') return { type: 'tags', tags: values };
  return { type: form.scopeType, refs: values };
}

export interface FormIssue {
  path: string;
  message: string;
}

/**
 * The request the form describes, checked with the same schema the backend
 * uses, or the issues in words with the field each is about.
 */
export function requestOf(
  form: FreezeForm,
): { request: CreateFreezeWindowRequest } | { issues: FormIssue[] } {
  const rrule = toRRule(form.recurrence);
  const result = createFreezeWindowRequestSchema.safeParse({
    title: form.title,
    reason: form.reason,
    severity: form.severity,
    start: wallTimeToInstant(form.start, form.timeZone) ?? '',
    end: wallTimeToInstant(form.end, form.timeZone) ?? '',
    timeZone: form.timeZone,
    ...(rrule ? { rrule } : {}),
    scope: scopeOf(form),
  });
  if (result.success) return { request: result.data };
  return {
    issues: result.error.issues.map(issue => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  };
}

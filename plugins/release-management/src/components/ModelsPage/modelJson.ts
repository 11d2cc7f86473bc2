import {
  createReleaseModelRequestSchema,
  updateReleaseModelRequestSchema,
  type CreateReleaseModelRequest,
  type ReleaseModel,
  type UpdateReleaseModelRequest,
} from '@release-management/plugin-release-management-common';

export interface ModelIssue {
  /** Where in the JSON, e.g. `stages.0.key`; empty for the whole document. */
  path: string;
  message: string;
}

/** The editable definition of a stored model, as the editor shows it. */
export function definitionOf(model: ReleaseModel): Record<string, unknown> {
  return {
    title: model.title,
    description: model.description,
    owner: model.owner,
    releaseType: model.releaseType,
    rolloutStrategy: model.rolloutStrategy,
    stages: model.stages,
    schedulingPolicy: model.schedulingPolicy,
    applicability: model.applicability,
    priority: model.priority,
    ...(model.transitions ? { transitions: model.transitions } : {}),
  };
}

/** A starting point for a new model: one stage per lifecycle step. */
export const NEW_MODEL_TEMPLATE = {
  name: 'minor-release',
  title: 'Minor release',
  description: '',
  owner: 'group:default/release-managers',
  releaseType: 'minor',
  rolloutStrategy: 'big-bang',
  stages: [
    {
      key: 'plan',
      title: 'Plan',
      completesWith: 'planned',
      checklist: [{ id: 'notes-written', title: 'Release notes written' }],
      approvals: [],
      automaticChecks: ['scope-not-empty', 'planned-window-set'],
    },
  ],
  schedulingPolicy: {
    minimumLeadTimeHours: 24,
    maintenanceWindows: [],
    freezeOverrideAllowed: false,
  },
  applicability: { kinds: ['Component'] },
  priority: 0,
};

type Checked<T> = { request: T } | { issues: ModelIssue[] };

function parseJson(
  text: string,
): { value: unknown } | { issues: ModelIssue[] } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return {
      issues: [
        { path: '', message: `Not valid JSON: ${(e as Error).message}` },
      ],
    };
  }
}

function issuesOf(error: {
  issues: Array<{ path: PropertyKey[]; message: string }>;
}) {
  return error.issues.map(issue => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Checks the JSON of a new model with the schema the backend applies, so
 * mistakes show up with their place before anything is sent. The request
 * sent is the JSON as written: the backend fills in defaults itself.
 */
export function checkNewModel(
  text: string,
): Checked<CreateReleaseModelRequest> {
  const parsed = parseJson(text);
  if ('issues' in parsed) return parsed;
  const result = createReleaseModelRequestSchema.safeParse(parsed.value);
  if (!result.success) return { issues: issuesOf(result.error) };
  return { request: parsed.value as CreateReleaseModelRequest };
}

/** As `checkNewModel`, for a change to the model at `revision`. */
export function checkModelChange(
  text: string,
  revision: number,
): Checked<UpdateReleaseModelRequest> {
  const parsed = parseJson(text);
  if ('issues' in parsed) return parsed;
  if (
    typeof parsed.value !== 'object' ||
    parsed.value === null ||
    Array.isArray(parsed.value)
  ) {
    return { issues: [{ path: '', message: 'must be a JSON object' }] };
  }
  const request = { ...parsed.value, revision };
  const result = updateReleaseModelRequestSchema.safeParse(request);
  if (!result.success) return { issues: issuesOf(result.error) };
  return { request: request as UpdateReleaseModelRequest };
}

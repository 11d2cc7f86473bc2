import {
  ref,
  list,
  ok,
  E400,
  E401,
  E403,
  E404,
  E409,
  param,
  query,
  body,
  releaseId,
  instantQuery,
  pageQueries,
} from './helpers';

/** Paths of /releases. */
export const releasePaths = {
  '/releases': {
    get: {
      summary: 'List releases the caller may read, filtered and paged',
      parameters: [
        query('status', 'One or more statuses (repeat the parameter)', {
          type: 'array',
          items: { type: 'string' },
        }),
        query('entityRef', 'Releases with this entity in scope', {
          type: 'string',
        }),
        query('model', 'Releases of this model', { type: 'string' }),
        query(
          'search',
          'Text in the title or version label, any case; % and _ match themselves',
          { type: 'string' },
        ),
        query(
          'order',
          'By planned start: asc (default, soonest first, unplanned last) or desc (latest first, unplanned first)',
          { type: 'string', enum: ['asc', 'desc'] },
        ),
        instantQuery('from', 'Planned window ends after this instant'),
        instantQuery('to', 'Planned window starts before this instant'),
        ...pageQueries,
      ],
      responses: {
        '200': ok('A page of releases', ref('ReleasePage')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
    post: {
      summary: 'Create a release from a model (status draft)',
      requestBody: body('CreateReleaseRequest'),
      responses: {
        '201': ok('Created', ref('Release')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
  },
  '/releases/{id}': {
    get: {
      summary: 'Read a release',
      parameters: [releaseId],
      responses: {
        '200': ok('Release', ref('Release')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
    patch: {
      summary: 'Change a release; carries the revision it was made on',
      parameters: [releaseId],
      requestBody: body('PatchReleaseRequest'),
      responses: {
        '200': ok('Updated', ref('Release')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E409,
      },
    },
  },
  '/releases/{id}/transitions': {
    post: {
      summary: 'Move a release to another status through its gates',
      parameters: [releaseId],
      requestBody: body('TransitionRequest'),
      responses: {
        '200': ok('Moved', ref('Release')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E409,
      },
    },
  },
  '/releases/{id}/gates': {
    get: {
      summary:
        'For each status the release may move to, the gates that block it',
      parameters: [releaseId],
      responses: {
        '200': ok('Pending gates', {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  to: { type: 'string' },
                  failures: { type: 'array', items: ref('GateFailure') },
                },
              },
            },
          },
        }),
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
  '/releases/{id}/approvals': {
    post: {
      summary: 'Approve or reject a gate of a stage',
      parameters: [releaseId],
      requestBody: body('ApprovalRequest'),
      responses: {
        '201': ok('Recorded', ref('Release')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E409,
      },
    },
  },
  '/releases/{id}/checklist/{itemId}': {
    put: {
      summary: 'Tick or untick a checklist item',
      parameters: [
        releaseId,
        param('itemId', 'Checklist item id from the model'),
      ],
      requestBody: body('ChecklistUpdateRequest'),
      responses: {
        '200': ok('Recorded', ref('Release')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E409,
      },
    },
  },
  '/releases/{id}/history': {
    get: {
      summary: 'Every change to a release, oldest first',
      parameters: [releaseId],
      responses: {
        '200': ok('History', list('ReleaseHistoryEntry')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
};

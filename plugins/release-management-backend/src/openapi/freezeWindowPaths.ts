import {
  ref,
  list,
  ok,
  E400,
  E401,
  E403,
  E404,
  E409,
  body,
  freezeId,
  instantQuery,
} from './helpers';

/** Paths of /freeze-windows. */
export const freezeWindowPaths = {
  '/freeze-windows': {
    get: {
      summary: 'List freeze windows',
      responses: {
        '200': ok('Freeze windows', list('FreezeWindow')),
        ...E401,
        ...E403,
      },
    },
    post: {
      summary: 'Create a freeze window',
      requestBody: body('CreateFreezeWindowRequest'),
      responses: {
        '201': ok('Created', ref('FreezeWindow')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
  },
  '/freeze-windows/occurrences': {
    get: {
      summary:
        'Occurrences of every freeze window in a range of at most 400 days',
      parameters: [
        {
          ...instantQuery('from', 'Range start'),
          required: true,
        },
        {
          ...instantQuery('to', 'Range end (exclusive)'),
          required: true,
        },
      ],
      responses: {
        '200': ok('Occurrences', list('FreezeOccurrence')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
  },
  '/freeze-windows/{id}': {
    get: {
      summary: 'Read a freeze window',
      parameters: [freezeId],
      responses: {
        '200': ok('Freeze window', ref('FreezeWindow')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
    put: {
      summary: 'Replace a freeze window; carries its revision',
      parameters: [freezeId],
      requestBody: body('UpdateFreezeWindowRequest'),
      responses: {
        '200': ok('Updated', ref('FreezeWindow')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E409,
      },
    },
    delete: {
      summary: 'Delete a freeze window',
      parameters: [freezeId],
      responses: {
        '204': { description: 'Deleted' },
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
};

import {
  ref,
  list,
  ok,
  error,
  E400,
  E401,
  E403,
  E404,
  body,
  modelName,
} from './helpers';

/** Paths of /health and /models. */
export const modelPaths = {
  '/health': {
    get: {
      summary: 'Whether the plugin is up (no credentials needed)',
      security: [],
      responses: { '200': ok('Up', ref('Health')) },
    },
  },
  '/models': {
    get: {
      summary: 'List release models',
      responses: {
        '200': ok('Models', list('ReleaseModel')),
        ...E401,
        ...E403,
      },
    },
    post: {
      summary: 'Create an API-managed release model',
      requestBody: body('CreateReleaseModelRequest'),
      responses: {
        '201': ok('Created', ref('ReleaseModel')),
        ...E400,
        ...E401,
        ...E403,
        '409': error('A model of that name exists'),
      },
    },
  },
  '/models/{name}': {
    get: {
      summary: 'Read a release model at its current revision',
      parameters: [modelName],
      responses: {
        '200': ok('Model', ref('ReleaseModel')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
      },
    },
    put: {
      summary: 'Replace the definition, making a new revision',
      parameters: [modelName],
      requestBody: body('UpdateReleaseModelRequest'),
      responses: {
        '200': ok('Updated', ref('ReleaseModel')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        '409': error('Stale revision, or a model declared in app-config'),
      },
    },
  },
  '/models/{name}/revisions': {
    get: {
      summary: 'Every revision of a model, newest first',
      parameters: [modelName],
      responses: {
        '200': ok('Revisions', list('ReleaseModelRevision')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
};

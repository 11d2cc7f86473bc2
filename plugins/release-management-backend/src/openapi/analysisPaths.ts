import {
  ref,
  ok,
  E400,
  E401,
  E403,
  E404,
  E409,
  query,
  body,
  releaseId,
  E503,
  targetParams,
} from './helpers';

/** Paths of /analysis and release verification. */
export const analysisPaths = {
  '/releases/{id}/verification': {
    post: {
      summary:
        "Verify the release's components against its model and record the result",
      parameters: [releaseId],
      responses: {
        '200': ok('Recorded', ref('Release')),
        ...E401,
        ...E403,
        ...E404,
        ...E409,
        ...E503,
      },
    },
  },
  '/analysis/snapshot': {
    get: {
      summary: 'The catalog snapshot the analyses use: size and age',
      responses: {
        '200': ok('Snapshot', ref('SnapshotInfo')),
        ...E401,
        ...E403,
        ...E503,
      },
    },
  },
  '/analysis/snapshot/refresh': {
    post: {
      summary: 'Rebuild the catalog snapshot now',
      responses: {
        '200': ok('Snapshot', ref('SnapshotInfo')),
        ...E401,
        ...E403,
        ...E503,
      },
    },
  },
  '/analysis/impact': {
    get: {
      summary:
        'Blast radius: what a release of the entities reaches, with paths, owners and systems',
      parameters: [
        ...targetParams,
        query('maxDepth', 'Hops, 1-10, default 6', { type: 'integer' }),
        query('maxEntities', 'Cut-off, 1-20000, default 2000', {
          type: 'integer',
        }),
      ],
      responses: {
        '200': ok('Impact', ref('Impact')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/analysis/order': {
    get: {
      summary: 'Release order of a scope: providers first, cycles as groups',
      parameters: targetParams,
      responses: {
        '200': ok('Order', ref('ReleaseOrder')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/analysis/applicable-model': {
    get: {
      summary: 'The model that applies to an entity, and why',
      parameters: [
        {
          ...query('entityRef', 'Entity ref', { type: 'string' }),
          required: true,
        },
      ],
      responses: {
        '200': ok('Model', ref('ApplicableModel')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/analysis/applicable-models': {
    post: {
      summary: 'The applicable model of many entities, with a summary',
      requestBody: body('ApplicableModelsRequest'),
      responses: {
        '200': ok('Models', ref('ApplicableModels')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/analysis/verification': {
    get: {
      summary:
        'Verify components (what if): exists, owner, lifecycle, deprecated dependencies, API consumers',
      parameters: [
        {
          ...query('entityRef', 'Entity refs (repeat)', {
            type: 'array',
            items: { type: 'string' },
          }),
          required: true,
        },
        query('model', 'Model whose selector lifecycles apply', {
          type: 'string',
        }),
      ],
      responses: {
        '200': ok('Verification', ref('Verification')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/analysis/explorer': {
    get: {
      summary:
        'Architecture of a system or domain: members, edges, cycles, hubs, gaps',
      parameters: [
        query('system', 'System ref', { type: 'string' }),
        query('domain', 'Domain ref', { type: 'string' }),
      ],
      responses: {
        '200': ok('Explorer', ref('Explorer')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
};

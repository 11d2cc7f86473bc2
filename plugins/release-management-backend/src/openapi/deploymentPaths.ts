import {
  ref,
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

/**
 * Paths of deployments, the deployment gate and rollout rings: what
 * pipelines call.
 */
export const deploymentPaths = {
  '/deployments': {
    get: {
      summary: 'List deployments, newest first',
      parameters: [
        query('entityRef', 'Deployments of this entity', { type: 'string' }),
        query('environment', 'Deployments to this environment', {
          type: 'string',
        }),
        query('releaseId', 'Deployments linked to this release', {
          type: 'string',
        }),
        instantQuery('from', 'Started at or after this instant'),
        instantQuery('to', 'Started before this instant'),
        ...pageQueries,
      ],
      responses: {
        '200': ok('A page of deployments', ref('DeploymentPage')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
    post: {
      summary:
        'Record a deployment; the same externalId again updates it (idempotent)',
      description:
        'Links the deployment to the release whose scope (entity and version) and window cover its start. A deployment to a production environment that no release covers is recorded as an audit finding, once.',
      requestBody: body('RecordDeploymentRequest'),
      responses: {
        '201': ok('Recorded for the first time', ref('RecordDeployment')),
        '200': ok(
          'Updated: the external id was known',
          ref('RecordDeployment'),
        ),
        ...E400,
        ...E401,
        ...E403,
        '409': {
          description:
            'The external id already names a deployment of another entity, environment or version',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Error' },
            },
          },
        },
      },
    },
  },
  '/releases/{id}/deployments': {
    get: {
      summary: 'The deployments linked to a release, newest first',
      parameters: [releaseId],
      responses: {
        '200': ok('Deployments', ref('DeploymentPage')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
  '/releases/{id}/phases/{ring}': {
    post: {
      summary:
        'Move one ring of a phased or feature-flag rollout; carries the release revision',
      description:
        'pending → in-progress → completed or halted (halted may resume). Records the actual start and end of the ring and a history entry with the exposure it leaves. Needs release-management.release.transition.',
      parameters: [releaseId, param('ring', 'Ring name')],
      requestBody: body('PhaseUpdateRequest'),
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
  '/releases/{id}/exposure': {
    get: {
      summary: 'Share of users the release reaches, now and over time',
      parameters: [releaseId],
      responses: {
        '200': ok('Exposure', ref('Exposure')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
  '/gate': {
    post: {
      summary: 'May this version of this entity be deployed there now?',
      description:
        'allowed: a scheduled or in-progress release covers it and no hard freeze applies (or an emergency release overrides one, with the override permission); awaiting: a covering release waits for approval; prevented: otherwise. Every reason is given in words. Only production environments are gated.',
      requestBody: body('GateRequest'),
      responses: {
        '200': ok('The decision and its reasons', ref('GateResponse')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
  },
};

import {
  applicableModelSchema,
  applicableModelsRequestSchema,
  applicableModelsResponseSchema,
  approvalRequestSchema,
  calendarFeedSchema,
  calendarResponseSchema,
  conflictCheckRequestSchema,
  conflictCheckResponseSchema,
  createFeedRequestSchema,
  createdFeedSchema,
  explorerResponseSchema,
  slotSearchRequestSchema,
  slotSearchResponseSchema,
  impactResponseSchema,
  releaseOrderResponseSchema,
  snapshotInfoSchema,
  verificationResultSchema,
  checklistUpdateRequestSchema,
  createFreezeWindowRequestSchema,
  createReleaseModelRequestSchema,
  createReleaseRequestSchema,
  freezeOccurrenceSchema,
  freezeWindowSchema,
  gateFailureSchema,
  healthResponseSchema,
  patchReleaseRequestSchema,
  releaseHistoryEntrySchema,
  releaseModelRevisionSchema,
  releaseModelSchema,
  releasePageSchema,
  releaseSchema,
  transitionRequestSchema,
  updateFreezeWindowRequestSchema,
  updateReleaseModelRequestSchema,
} from '@release-management/plugin-release-management-common';
import { z } from 'zod';

// JSON Schemas come from the same zod schemas the router validates with, so
// the document cannot drift from the code; the test keeps openapi.json equal
// to what this builds.
const schemas = {
  Health: healthResponseSchema,
  ReleaseModel: releaseModelSchema,
  ReleaseModelRevision: releaseModelRevisionSchema,
  CreateReleaseModelRequest: createReleaseModelRequestSchema,
  UpdateReleaseModelRequest: updateReleaseModelRequestSchema,
  Release: releaseSchema,
  ReleasePage: releasePageSchema,
  CreateReleaseRequest: createReleaseRequestSchema,
  PatchReleaseRequest: patchReleaseRequestSchema,
  TransitionRequest: transitionRequestSchema,
  ApprovalRequest: approvalRequestSchema,
  ChecklistUpdateRequest: checklistUpdateRequestSchema,
  GateFailure: gateFailureSchema,
  ReleaseHistoryEntry: releaseHistoryEntrySchema,
  FreezeWindow: freezeWindowSchema,
  CreateFreezeWindowRequest: createFreezeWindowRequestSchema,
  UpdateFreezeWindowRequest: updateFreezeWindowRequestSchema,
  FreezeOccurrence: freezeOccurrenceSchema,
  SnapshotInfo: snapshotInfoSchema,
  Impact: impactResponseSchema,
  ReleaseOrder: releaseOrderResponseSchema,
  ApplicableModel: applicableModelSchema,
  ApplicableModelsRequest: applicableModelsRequestSchema,
  ApplicableModels: applicableModelsResponseSchema,
  Verification: verificationResultSchema,
  Explorer: explorerResponseSchema,
  Calendar: calendarResponseSchema,
  ConflictCheckRequest: conflictCheckRequestSchema,
  ConflictCheck: conflictCheckResponseSchema,
  SlotSearchRequest: slotSearchRequestSchema,
  SlotSearch: slotSearchResponseSchema,
  CreateFeedRequest: createFeedRequestSchema,
  CalendarFeed: calendarFeedSchema,
  CreatedFeed: createdFeedSchema,
};

type SchemaName = keyof typeof schemas;

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const list = (name: SchemaName) => ({
  type: 'object',
  properties: { items: { type: 'array', items: ref(name) } },
  required: ['items'],
});
const ok = (description: string, schema: object) => ({
  description,
  content: json(schema),
});
const error = (description: string) => ({
  description,
  content: json({ $ref: '#/components/schemas/Error' }),
});

const E400 = { '400': error('Invalid input; the message names the field') };
const E401 = { '401': error('Missing or invalid credentials') };
const E403 = { '403': error('Not permitted') };
const E404 = { '404': error('No such resource') };
const E409 = {
  '409': error(
    'Stale revision, a transition the model does not allow, or a failed gate',
  ),
};

const param = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const query = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const body = (name: SchemaName) => ({
  required: true,
  content: json(ref(name)),
});

const releaseId = param('id', 'Release id');
const E503 = {
  '503': error('The catalog could not be read and there is no snapshot yet'),
};
const targetParams = [
  query('entityRef', 'Entity refs (repeat the parameter)', {
    type: 'array',
    items: { type: 'string' },
  }),
  query('releaseId', "Instead of entityRef: the release's scope", {
    type: 'string',
  }),
];
const modelName = param('name', 'Release model name');
const freezeId = param('id', 'Freeze window id');

/** The OpenAPI 3.1 document of `/api/release-management`. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Release Management API',
      version: '1',
      description:
        'Release models, releases with a gated lifecycle, and freeze windows. Authenticate with a Backstage user token or a static external-access token.',
    },
    servers: [{ url: '/api/release-management' }],
    security: [{ bearerAuth: [] }],
    paths: {
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
            query('from', 'Planned window ends after this instant', {
              type: 'string',
              format: 'date-time',
            }),
            query('to', 'Planned window starts before this instant', {
              type: 'string',
              format: 'date-time',
            }),
            query('limit', '1-500, default 50', { type: 'integer' }),
            query('offset', 'Default 0', { type: 'integer' }),
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
          summary:
            'Release order of a scope: providers first, cycles as groups',
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
      '/calendar': {
        get: {
          summary:
            'Releases, freeze occurrences and maintenance windows in a range, each with why it is there',
          parameters: [
            {
              ...query('from', 'Range start', {
                type: 'string',
                format: 'date-time',
              }),
              required: true,
            },
            {
              ...query(
                'to',
                'Range end (exclusive), at most 731 days after from',
                { type: 'string', format: 'date-time' },
              ),
              required: true,
            },
            query('entityRef', 'An entity (and its neighbours)', {
              type: 'string',
            }),
            query('neighbours', 'none, direct (default) or transitive', {
              type: 'string',
            }),
            query('system', 'A system and everything part of it', {
              type: 'string',
            }),
            query('domain', 'A domain and everything part of it', {
              type: 'string',
            }),
            query('owner', 'A group, its sub-groups and what they own', {
              type: 'string',
            }),
            query('status', 'Release statuses (repeat)', {
              type: 'array',
              items: { type: 'string' },
            }),
            query('model', 'Release models (repeat)', {
              type: 'array',
              items: { type: 'string' },
            }),
          ],
          responses: {
            '200': ok('Calendar', ref('Calendar')),
            ...E400,
            ...E401,
            ...E403,
            ...E404,
            ...E503,
          },
        },
      },
      '/conflicts/check': {
        post: {
          summary: 'Conflicts of a plan that need not be saved (what if)',
          requestBody: body('ConflictCheckRequest'),
          responses: {
            '200': ok('Conflicts', ref('ConflictCheck')),
            ...E400,
            ...E401,
            ...E403,
            ...E503,
          },
        },
      },
      '/conflicts/slots': {
        post: {
          summary: 'The next windows free of blocking conflicts',
          requestBody: body('SlotSearchRequest'),
          responses: {
            '200': ok('Slots', ref('SlotSearch')),
            ...E400,
            ...E401,
            ...E403,
            ...E503,
          },
        },
      },
      '/releases/{id}/conflicts': {
        get: {
          summary: "The current conflicts of a release's planned window",
          parameters: [releaseId],
          responses: {
            '200': ok('Conflicts', ref('ConflictCheck')),
            ...E401,
            ...E403,
            ...E404,
            ...E503,
          },
        },
      },
      '/feeds': {
        get: {
          summary: "The caller's calendar feeds",
          responses: { '200': ok('Feeds', list('CalendarFeed')), ...E401 },
        },
        post: {
          summary:
            'Create a calendar feed URL for calendar clients (shown once)',
          requestBody: body('CreateFeedRequest'),
          responses: {
            '201': ok('Created', ref('CreatedFeed')),
            ...E400,
            ...E401,
            ...E403,
          },
        },
      },
      '/feeds/{id}': {
        delete: {
          summary: 'Revoke a calendar feed',
          parameters: [param('id', 'Feed id')],
          responses: { '204': { description: 'Revoked' }, ...E401, ...E404 },
        },
      },
      '/ics/{token}': {
        get: {
          summary:
            'An ICS calendar (RFC 5545); the token in the path is the credential',
          security: [],
          parameters: [param('token', 'The feed token followed by .ics')],
          responses: {
            '200': {
              description: 'Calendar',
              content: { 'text/calendar': { schema: { type: 'string' } } },
            },
            ...E400,
            ...E404,
          },
        },
      },
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
              ...query('from', 'Range start', {
                type: 'string',
                format: 'date-time',
              }),
              required: true,
            },
            {
              ...query('to', 'Range end (exclusive)', {
                type: 'string',
                format: 'date-time',
              }),
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
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                message: { type: 'string' },
              },
            },
          },
        },
        ...Object.fromEntries(
          Object.entries(schemas).map(([name, schema]) => [
            name,
            z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
          ]),
        ),
      },
    },
  };
}

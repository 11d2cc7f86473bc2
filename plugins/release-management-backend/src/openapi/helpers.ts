import type { SchemaName } from './schemas';

// Building blocks of the OpenAPI document's paths.

export const ref = (name: SchemaName) => ({
  $ref: `#/components/schemas/${name}`,
});
export const json = (schema: object) => ({ 'application/json': { schema } });
export const list = (name: SchemaName) => ({
  type: 'object',
  properties: { items: { type: 'array', items: ref(name) } },
  required: ['items'],
});
export const ok = (description: string, schema: object) => ({
  description,
  content: json(schema),
});
export const error = (description: string) => ({
  description,
  content: json({ $ref: '#/components/schemas/Error' }),
});

export const E400 = {
  '400': error('Invalid input; the message names the field'),
};
export const E401 = { '401': error('Missing or invalid credentials') };
export const E403 = { '403': error('Not permitted') };
export const E404 = {
  '404': error('No such resource, or one your permissions hide from you'),
};
export const E409 = {
  '409': error(
    'Stale revision, a transition the model does not allow, or a failed gate',
  ),
};

export const param = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
export const query = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
/** A query parameter holding an ISO 8601 instant. */
export const instantQuery = (name: string, description: string) =>
  query(name, description, { type: 'string', format: 'date-time' });
/** `limit` and `offset` of a paged list (common's `pageQueryFields`). */
export const pageQueries = [
  query('limit', '1-500, default 50', { type: 'integer' }),
  query('offset', 'Default 0', { type: 'integer' }),
];
export const body = (name: SchemaName) => ({
  required: true,
  content: json(ref(name)),
});

export const releaseId = param('id', 'Release id');
export const E503 = {
  '503': error('The catalog could not be read and there is no snapshot yet'),
};
export const targetParams = [
  query('entityRef', 'Entity refs (repeat the parameter)', {
    type: 'array',
    items: { type: 'string' },
  }),
  query('releaseId', "Instead of entityRef: the release's scope", {
    type: 'string',
  }),
];
export const modelName = param('name', 'Release model name');
export const freezeId = param('id', 'Freeze window id');

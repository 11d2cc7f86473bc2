import { z } from 'zod';
import { analysisPaths } from './analysisPaths';
import { deploymentPaths } from './deploymentPaths';
import { freezeWindowPaths } from './freezeWindowPaths';
import { metricsPaths } from './metricsPaths';
import { modelPaths } from './modelPaths';
import { releasePaths } from './releasePaths';
import { reviewPaths } from './reviewPaths';
import { schedulingPaths } from './schedulingPaths';
import { schemas } from './schemas';

/** The OpenAPI 3.1 document of `/api/release-management`. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Release Management API',
      version: '1',
      description:
        'Release models, releases with a gated lifecycle, freeze windows, deployments and the deployment gate. Authenticate with a Backstage user token or a static external-access token.',
    },
    servers: [{ url: '/api/release-management' }],
    security: [{ bearerAuth: [] }],
    paths: {
      ...modelPaths,
      ...releasePaths,
      ...analysisPaths,
      ...schedulingPaths,
      ...freezeWindowPaths,
      ...deploymentPaths,
      ...metricsPaths,
      ...reviewPaths,
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

import { mockServices } from '@backstage/backend-test-utils';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Router } from 'express';
import { createRouter } from '../router/createRouter';
import { RouterContext } from '../router/RouterContext';
import { buildOpenApiDocument } from './document';

const documentPath = join(__dirname, '../../openapi.json');

/** Every method and path the router serves, in OpenAPI path syntax. */
function routesOf(router: Router, found = new Set<string>()): Set<string> {
  for (const layer of (router as any).stack) {
    if (layer.route) {
      const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
      for (const method of Object.keys(layer.route.methods)) {
        found.add(`${method.toUpperCase()} ${path}`);
      }
    } else if (layer.handle?.stack) {
      routesOf(layer.handle, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('describes exactly the routes the router serves', async () => {
    const router = await createRouter({
      context: new RouterContext({
        httpAuth: mockServices.httpAuth(),
        userInfo: mockServices.userInfo(),
        permissions: mockServices.permissions(),
        auditor: mockServices.auditor.mock(),
        releaseConditionTransformer: jest.fn(),
      }),
      logger: mockServices.logger.mock(),
      models: {} as any,
      releases: {} as any,
      freezeWindows: {} as any,
      analysis: {} as any,
      scheduling: {} as any,
      calendars: {} as any,
      feeds: {} as any,
      deployments: {} as any,
      gate: {} as any,
      phases: {} as any,
      metrics: {} as any,
      reviews: {} as any,
    });
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(
      buildOpenApiDocument().paths,
    )) {
      for (const method of Object.keys(operations)) {
        documented.add(`${method.toUpperCase()} ${path}`);
      }
    }
    expect([...routesOf(router)].sort()).toEqual([...documented].sort());
  });

  it('is committed as openapi.json, as built from the zod schemas', () => {
    const built = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
    // UPDATE_OPENAPI=1 rewrites the file after a deliberate API change.
    if (process.env.UPDATE_OPENAPI) {
      writeFileSync(documentPath, built);
    }
    expect(readFileSync(documentPath, 'utf8')).toBe(built);
  });
});

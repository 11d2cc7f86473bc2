import {
  createReleaseModelRequestSchema,
  releaseModelManagePermission,
  releaseModelNameSchema,
  releaseModelReadPermission,
  updateReleaseModelRequestSchema,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import type { ReleaseModelService } from '../service/ReleaseModelService';
import { parse, type RouterContext } from './RouterContext';

/** `/models`: release models and their revisions. */
export function createModelsRouter(
  ctx: RouterContext,
  models: ReleaseModelService,
) {
  const router = Router();

  router.get('/models', async (req, res) => {
    const credentials = await ctx.credentials(req);
    await ctx.authorize(credentials, releaseModelReadPermission);
    res.json({ items: await models.list() });
  });

  router.post('/models', async (req, res) => {
    const model = await ctx.audited(
      req,
      'model-create',
      { name: String(req.body?.name ?? '') },
      async () => {
        const credentials = await ctx.credentials(req);
        const { name, ...definition } = parse(
          createReleaseModelRequestSchema,
          req.body,
          'release model',
        );
        await ctx.authorize(credentials, releaseModelManagePermission);
        const actor = await ctx.actor(credentials);
        return models.create(name, definition, actor.ref);
      },
      m => ({ revision: m.revision }),
    );
    res.status(201).json(model);
  });

  router.get('/models/:name', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const name = parse(releaseModelNameSchema, req.params.name, 'model name');
    await ctx.authorize(credentials, releaseModelReadPermission);
    res.json(await models.get(name));
  });

  router.put('/models/:name', async (req, res) => {
    const model = await ctx.audited(
      req,
      'model-update',
      { name: req.params.name },
      async () => {
        const credentials = await ctx.credentials(req);
        const name = parse(
          releaseModelNameSchema,
          req.params.name,
          'model name',
        );
        const { revision, ...definition } = parse(
          updateReleaseModelRequestSchema,
          req.body,
          'release model',
        );
        await ctx.authorize(credentials, releaseModelManagePermission);
        const actor = await ctx.actor(credentials);
        return models.update(name, revision, definition, actor.ref);
      },
      m => ({ revision: m.revision }),
    );
    res.json(model);
  });

  router.get('/models/:name/revisions', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const name = parse(releaseModelNameSchema, req.params.name, 'model name');
    await ctx.authorize(credentials, releaseModelReadPermission);
    res.json({ items: await models.listRevisions(name) });
  });

  return router;
}

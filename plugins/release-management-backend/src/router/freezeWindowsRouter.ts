import {
  createFreezeWindowRequestSchema,
  freezeOccurrencesQuerySchema,
  freezeWindowManagePermission,
  freezeWindowReadPermission,
  updateFreezeWindowRequestSchema,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import type { FreezeWindowService } from '../service/FreezeWindowService';
import { parse, type RouterContext, pathId } from './RouterContext';

/** `/freeze-windows`: freeze windows and their occurrences. */
export function createFreezeWindowsRouter(
  ctx: RouterContext,
  freezeWindows: FreezeWindowService,
) {
  const router = Router();

  router.get('/freeze-windows', async (req, res) => {
    const credentials = await ctx.credentials(req);
    await ctx.authorize(credentials, freezeWindowReadPermission);
    res.json({ items: await freezeWindows.list() });
  });

  router.post('/freeze-windows', async (req, res) => {
    const window = await ctx.audited(
      req,
      'freeze-window-create',
      {},
      async () => {
        const credentials = await ctx.credentials(req);
        const body = parse(
          createFreezeWindowRequestSchema,
          req.body,
          'freeze window',
        );
        await ctx.authorize(credentials, freezeWindowManagePermission);
        const actor = await ctx.actor(credentials);
        return freezeWindows.create(body, actor.ref);
      },
      w => ({ freezeWindowId: w.id }),
    );
    res.status(201).json(window);
  });

  // Before `/:id`, which would otherwise take "occurrences" for an id.
  router.get('/freeze-windows/occurrences', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const { from, to } = parse(
      freezeOccurrencesQuerySchema,
      req.query,
      'query',
    );
    await ctx.authorize(credentials, freezeWindowReadPermission);
    res.json({ items: await freezeWindows.occurrences(from, to) });
  });

  router.get('/freeze-windows/:id', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'freeze window id');
    await ctx.authorize(credentials, freezeWindowReadPermission);
    res.json(await freezeWindows.get(id));
  });

  router.put('/freeze-windows/:id', async (req, res) => {
    const window = await ctx.audited(
      req,
      'freeze-window-update',
      { freezeWindowId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'freeze window id');
        const body = parse(
          updateFreezeWindowRequestSchema,
          req.body,
          'freeze window',
        );
        await ctx.authorize(credentials, freezeWindowManagePermission);
        return freezeWindows.update(id, body.revision, body.window);
      },
      w => ({ revision: w.revision }),
    );
    res.json(window);
  });

  router.delete('/freeze-windows/:id', async (req, res) => {
    await ctx.audited(
      req,
      'freeze-window-delete',
      { freezeWindowId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'freeze window id');
        await ctx.authorize(credentials, freezeWindowManagePermission);
        return freezeWindows.delete(id);
      },
    );
    res.status(204).end();
  });

  return router;
}

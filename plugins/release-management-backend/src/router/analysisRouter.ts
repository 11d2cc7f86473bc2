import {
  analysisReadPermission,
  applicableModelsRequestSchema,
  entityRefSchema,
  explorerQuerySchema,
  impactQuerySchema,
  orderQuerySchema,
  releaseModelNameSchema,
  releaseUpdatePermission,
  verificationQuerySchema,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { AnalysisService } from '../analysis/AnalysisService';
import { parse, type RouterContext, pathId } from './RouterContext';

/** `/analysis`: architecture analyses over the catalog snapshot. */
export function createAnalysisRouter(
  ctx: RouterContext,
  analysis: AnalysisService,
) {
  const router = Router();

  router.get('/analysis/snapshot', async (req, res) => {
    const credentials = await ctx.credentials(req);
    await ctx.authorize(credentials, analysisReadPermission);
    res.json(await analysis.snapshotInfo());
  });

  router.post('/analysis/snapshot/refresh', async (req, res) => {
    const info = await ctx.audited(
      req,
      'catalog-snapshot-refresh',
      {},
      async () => {
        const credentials = await ctx.credentials(req);
        await ctx.authorize(credentials, analysisReadPermission);
        return analysis.refreshSnapshot();
      },
      i => ({ entities: i.entities, stale: i.stale }),
    );
    res.json(info);
  });

  router.get('/analysis/impact', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(impactQuerySchema, req.query, 'query');
    await ctx.authorize(credentials, analysisReadPermission);
    if (query.releaseId) {
      await ctx.authorizeReleaseRead(credentials, query.releaseId);
    }
    res.json(
      await analysis.impact(query, {
        maxDepth: query.maxDepth,
        maxEntities: query.maxEntities,
      }),
    );
  });

  router.get('/analysis/order', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(orderQuerySchema, req.query, 'query');
    await ctx.authorize(credentials, analysisReadPermission);
    if (query.releaseId) {
      await ctx.authorizeReleaseRead(credentials, query.releaseId);
    }
    res.json(await analysis.order(query));
  });

  router.get('/analysis/applicable-model', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const { entityRef } = parse(
      z.object({ entityRef: entityRefSchema }).strict(),
      req.query,
      'query',
    );
    await ctx.authorize(credentials, analysisReadPermission);
    const { items, snapshot } = await analysis.applicableModels([entityRef]);
    res.json({ ...items[0], snapshot });
  });

  router.post('/analysis/applicable-models', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const { entityRefs } = parse(
      applicableModelsRequestSchema,
      req.body,
      'request',
    );
    await ctx.authorize(credentials, analysisReadPermission);
    res.json(await analysis.applicableModels(entityRefs));
  });

  router.get('/analysis/verification', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(verificationQuerySchema, req.query, 'query');
    if (query.model) parse(releaseModelNameSchema, query.model, 'model');
    await ctx.authorize(credentials, analysisReadPermission);
    res.json(await analysis.verify(query.entityRef, query.model));
  });

  router.post('/releases/:id/verification', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-verification',
      { releaseId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        await ctx.authorizeAll(credentials, [
          { permission: analysisReadPermission },
          { permission: releaseUpdatePermission, resourceRef: id },
        ]);
        const actor = await ctx.actor(credentials);
        return analysis.verifyRelease(id, actor);
      },
      r => ({ status: r.verification?.status ?? 'none' }),
    );
    res.json(release);
  });

  router.get('/analysis/explorer', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(explorerQuerySchema, req.query, 'query');
    await ctx.authorize(credentials, analysisReadPermission);
    res.json(await analysis.explore((query.system ?? query.domain)!));
  });

  return router;
}

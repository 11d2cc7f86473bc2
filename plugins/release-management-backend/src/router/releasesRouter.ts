import {
  approvalRequestSchema,
  checklistUpdateRequestSchema,
  createReleaseRequestSchema,
  listReleasesQuerySchema,
  patchReleaseRequestSchema,
  releaseApprovePermission,
  releaseCreatePermission,
  releaseOverridePermission,
  releaseReadPermission,
  releaseTransitionPermission,
  releaseUpdatePermission,
  transitionRequestSchema,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { ReleaseService } from '../service/ReleaseService';
import { parse, type RouterContext, pathId } from './RouterContext';

const itemIdSchema = z.string().min(1).max(63);

/** `/releases`: releases, their lifecycle, checklist, approvals, history. */
export function createReleasesRouter(
  ctx: RouterContext,
  releases: ReleaseService,
) {
  const router = Router();

  router.get('/releases', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(listReleasesQuerySchema, req.query, 'query');
    const permission = await ctx.releaseFilter(
      credentials,
      releaseReadPermission,
    );
    res.json(
      await releases.list({
        statuses: query.status,
        entityRef: query.entityRef,
        model: query.model,
        search: query.search,
        order: query.order,
        from: query.from,
        to: query.to,
        limit: query.limit,
        offset: query.offset,
        permission,
      }),
    );
  });

  router.post('/releases', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-create',
      { model: String(req.body?.model ?? '') },
      async () => {
        const credentials = await ctx.credentials(req);
        const body = parse(createReleaseRequestSchema, req.body, 'release');
        await ctx.authorize(credentials, releaseCreatePermission);
        const actor = await ctx.actor(credentials);
        return releases.create(body, actor, credentials, proposed =>
          ctx.authorizeScope(credentials, releaseUpdatePermission, proposed),
        );
      },
      r => ({ releaseId: r.id }),
    );
    res.status(201).json(release);
  });

  router.get('/releases/:id', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    const release = await releases.get(id);
    await ctx.authorizeReleaseRead(credentials, id);
    res.json(release);
  });

  router.patch('/releases/:id', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-update',
      { releaseId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        const body = parse(
          patchReleaseRequestSchema,
          req.body,
          'release change',
        );
        const stored = await releases.getStored(id);
        await ctx.authorize(credentials, releaseUpdatePermission, id);
        const actor = await ctx.actor(credentials);
        const had = new Set(stored.scope.map(item => item.entityRef));
        return releases.patch(
          id,
          body,
          actor,
          credentials,
          async next => {
            await ctx.authorizeRelease(
              credentials,
              releaseUpdatePermission,
              next,
            );
            // Entities added to the scope are planned on as by a new
            // release: each must be one whose releases the caller could
            // change, or a draft with an empty scope would let its
            // manager add anyone's entities afterwards.
            await ctx.authorizeScope(credentials, releaseUpdatePermission, {
              ...next,
              scope: next.scope.filter(item => !had.has(item.entityRef)),
            });
          },
          await ctx.readCriteria(credentials),
        );
      },
      r => ({ revision: r.revision }),
    );
    res.json(release);
  });

  router.post('/releases/:id/transitions', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-transition',
      { releaseId: req.params.id, to: String(req.body?.to ?? '') },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        const body = parse(transitionRequestSchema, req.body, 'transition');
        await releases.getStored(id);
        await ctx.authorize(credentials, releaseTransitionPermission, id);
        const actor = await ctx.actor(credentials);
        return releases.transition(
          id,
          body,
          actor,
          () => ctx.isAllowed(credentials, releaseOverridePermission),
          await ctx.readCriteria(credentials),
        );
      },
      r => ({ status: r.status, revision: r.revision }),
    );
    res.json(release);
  });

  router.get('/releases/:id/gates', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    await releases.getStored(id);
    await ctx.authorizeReleaseRead(credentials, id);
    res.json({
      items: await releases.pendingGates(
        id,
        await ctx.readCriteria(credentials),
      ),
    });
  });

  router.post('/releases/:id/approvals', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-approval',
      { releaseId: req.params.id, decision: String(req.body?.decision ?? '') },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        const body = parse(approvalRequestSchema, req.body, 'approval');
        await releases.getStored(id);
        await ctx.authorize(credentials, releaseApprovePermission, id);
        const actor = await ctx.actor(credentials);
        return releases.decideApproval(id, body, actor);
      },
      r => ({ revision: r.revision }),
    );
    res.status(201).json(release);
  });

  router.put('/releases/:id/checklist/:itemId', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-checklist',
      { releaseId: req.params.id, itemId: req.params.itemId },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        const itemId = parse(itemIdSchema, req.params.itemId, 'item id');
        const body = parse(
          checklistUpdateRequestSchema,
          req.body,
          'checklist update',
        );
        await releases.getStored(id);
        await ctx.authorize(credentials, releaseUpdatePermission, id);
        const actor = await ctx.actor(credentials);
        return releases.updateChecklistItem(id, itemId, body, actor);
      },
      r => ({ revision: r.revision }),
    );
    res.json(release);
  });

  router.get('/releases/:id/history', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    await releases.getStored(id);
    await ctx.authorizeReleaseRead(credentials, id);
    res.json({ items: await releases.history(id) });
  });

  return router;
}

import {
  phaseUpdateRequestSchema,
  releaseTransitionPermission,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { PhaseService } from '../service/PhaseService';
import type { ReleaseService } from '../service/ReleaseService';
import { parse, type RouterContext, pathId } from './RouterContext';

const ringSchema = z.string().trim().min(1).max(100);

/** Rings of phased and feature-flag rollouts, and exposure over time. */
export function createPhasesRouter(
  ctx: RouterContext,
  services: { phases: PhaseService; releases: ReleaseService },
) {
  const { phases, releases } = services;
  const router = Router();

  // Moving a ring changes who sees the release, like a status transition,
  // so it takes the same permission.
  router.post('/releases/:id/phases/:ring', async (req, res) => {
    const release = await ctx.audited(
      req,
      'release-phase',
      {
        releaseId: req.params.id,
        ring: req.params.ring,
        status: String(req.body?.status ?? ''),
      },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        const ring = parse(ringSchema, req.params.ring, 'ring');
        const body = parse(phaseUpdateRequestSchema, req.body, 'phase update');
        await releases.getStored(id);
        await ctx.authorize(credentials, releaseTransitionPermission, id);
        const actor = await ctx.actor(credentials);
        return phases.advance(id, ring, body, actor);
      },
      r => ({ revision: r.revision }),
    );
    res.json(release);
  });

  router.get('/releases/:id/exposure', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    await releases.getStored(id);
    await ctx.authorizeReleaseRead(credentials, id);
    res.json(await phases.exposure(id));
  });

  return router;
}

import { rateReleaseRequestSchema } from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import type { ReviewService } from '../service/ReviewService';
import { parse, type RouterContext, pathId } from './RouterContext';

/**
 * `/releases/:id/ratings` and `/releases/:id/acknowledgements`: what owners
 * of impacted entities say about a release. Reading the release is the
 * permission; being such an owner is checked by the service.
 */
export function createReviewRouter(ctx: RouterContext, reviews: ReviewService) {
  const router = Router();

  router.get('/releases/:id/ratings', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    const ratings = await reviews.ratings(id);
    await ctx.authorizeReleaseRead(credentials, id);
    res.json(ratings);
  });

  router.post('/releases/:id/ratings', async (req, res) => {
    const rating = await ctx.audited(
      req,
      'release-rating',
      { releaseId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        const body = parse(rateReleaseRequestSchema, req.body, 'rating');
        await reviews.ratings(id);
        await ctx.authorizeReleaseRead(credentials, id);
        return reviews.rate(id, body, await ctx.actor(credentials));
      },
      r => ({ rating: r.rating }),
    );
    res.json(rating);
  });

  router.get('/releases/:id/acknowledgements', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    const acknowledgements = await reviews.acknowledgements(id);
    await ctx.authorizeReleaseRead(credentials, id);
    res.json(acknowledgements);
  });

  router.post('/releases/:id/acknowledgements', async (req, res) => {
    const acknowledgements = await ctx.audited(
      req,
      'release-acknowledgement',
      { releaseId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'release id');
        await reviews.acknowledgements(id);
        await ctx.authorizeReleaseRead(credentials, id);
        return reviews.acknowledge(id, await ctx.actor(credentials));
      },
    );
    res.status(201).json(acknowledgements);
  });

  return router;
}

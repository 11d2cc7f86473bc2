import {
  metricsQuerySchema,
  metricsReadPermission,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import type { MetricsService } from '../metrics/MetricsService';
import { parse, type RouterContext } from './RouterContext';

/** `/metrics`: the ITIL key metrics and DORA figures for a period. */
export function createMetricsRouter(
  ctx: RouterContext,
  metrics: MetricsService,
) {
  const router = Router();

  router.get('/metrics', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(metricsQuerySchema, req.query, 'query');
    await ctx.authorize(credentials, metricsReadPermission);
    res.json(await metrics.metrics(query));
  });

  return router;
}

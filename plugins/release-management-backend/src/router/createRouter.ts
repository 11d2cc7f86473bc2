import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type { HealthResponse } from '@release-management/plugin-release-management-common';
import express, { type ErrorRequestHandler } from 'express';
import Router from 'express-promise-router';
import type { AnalysisService } from '../analysis/AnalysisService';
import { isDatabaseUnavailable } from '../database/unavailable';
import type { MetricsService } from '../metrics/MetricsService';
import type { CalendarService } from '../scheduling/CalendarService';
import type { DeploymentGateService } from '../service/DeploymentGateService';
import type { DeploymentService } from '../service/DeploymentService';
import type { PhaseService } from '../service/PhaseService';
import type { FeedService } from '../scheduling/FeedService';
import type { SchedulingService } from '../scheduling/SchedulingService';
import type { FreezeWindowService } from '../service/FreezeWindowService';
import type { ReleaseModelService } from '../service/ReleaseModelService';
import type { ReleaseService } from '../service/ReleaseService';
import type { ReviewService } from '../service/ReviewService';
import { createAnalysisRouter } from './analysisRouter';
import { createDeploymentsRouter } from './deploymentsRouter';
import { createFeedsRouter } from './feedsRouter';
import { createFreezeWindowsRouter } from './freezeWindowsRouter';
import { createMetricsRouter } from './metricsRouter';
import { createModelsRouter } from './modelsRouter';
import { createPhasesRouter } from './phasesRouter';
import { createReleasesRouter } from './releasesRouter';
import { createReviewRouter } from './reviewRouter';
import { createSchedulingRouter } from './schedulingRouter';
import type { RouterContext } from './RouterContext';

/** The largest JSON body the API accepts. */
export const MAX_BODY_BYTES = 512 * 1024;

// body-parser's own errors carry a status but a technical message.
function bodyError(error: any): Error | undefined {
  if (error?.type === 'entity.parse.failed') {
    return new InputError('The request body is not valid JSON');
  }
  if (error?.type === 'entity.too.large') {
    const tooLarge = new InputError(
      `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB`,
    );
    return Object.assign(tooLarge, { statusCode: 413 });
  }
  return undefined;
}

/**
 * The plugin's HTTP API under `/api/release-management`. Each route stays
 * thin: credentials, validation, authorization, one service call, response.
 */
export async function createRouter(options: {
  context: RouterContext;
  logger: LoggerService;
  models: ReleaseModelService;
  releases: ReleaseService;
  freezeWindows: FreezeWindowService;
  analysis: AnalysisService;
  scheduling: SchedulingService;
  calendars: CalendarService;
  feeds: FeedService;
  deployments: DeploymentService;
  gate: DeploymentGateService;
  phases: PhaseService;
  metrics: MetricsService;
  reviews: ReviewService;
}): Promise<express.Router> {
  const { context, models, releases, freezeWindows, analysis } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  // Requests refused before a route runs are audited like those a route
  // refuses: a write that never reached its handler is still a failed one.
  router.use((req, _res, next) => {
    // A mutation with a body in another format would be read as empty and
    // fail on "missing fields"; say what is actually wrong.
    if (
      ['POST', 'PUT', 'PATCH'].includes(req.method) &&
      Number(req.headers['content-length'] ?? 0) > 0 &&
      !req.is('application/json')
    ) {
      const error = new InputError('Send the request body as application/json');
      context.rejected(req, error).then(() => next(error), next);
      return;
    }
    next();
  });
  router.use(express.json({ limit: MAX_BODY_BYTES, strict: false }));
  const bodyErrors: ErrorRequestHandler = (error, req, _res, next) => {
    const refused = bodyError(error);
    if (!refused) {
      next(error);
      return;
    }
    context.rejected(req, refused).then(() => next(refused), next);
  };
  router.use(bodyErrors);

  router.use(createModelsRouter(context, models));
  router.use(createReleasesRouter(context, releases));
  router.use(createPhasesRouter(context, { phases: options.phases, releases }));
  router.use(createFreezeWindowsRouter(context, freezeWindows));
  router.use(createAnalysisRouter(context, analysis));
  router.use(
    createSchedulingRouter(context, {
      scheduling: options.scheduling,
      calendars: options.calendars,
      releases,
    }),
  );
  router.use(createFeedsRouter(context, options.feeds));
  router.use(
    createDeploymentsRouter(context, {
      deployments: options.deployments,
      gate: options.gate,
      releases,
    }),
  );

  router.use(createMetricsRouter(context, options.metrics));
  router.use(createReviewRouter(context, options.reviews));

  // A database that is restarting or failing over is a 503 to try again,
  // not a 500: the request did not complete.
  // Its own text (addresses, statements) goes to the log, not the caller.
  const databaseErrors: ErrorRequestHandler = (error, req, _res, next) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    // originalUrl, which the feed route rewrites: its path is a token.
    options.logger.warn(
      `Database unavailable during ${req.method} ${req.originalUrl}: ${error.message}`,
    );
    next(
      new ServiceUnavailableError(
        'The database is not reachable at the moment; try again',
      ),
    );
  };
  router.use(databaseErrors);

  return router;
}

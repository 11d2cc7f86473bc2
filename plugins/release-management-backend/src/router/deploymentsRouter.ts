import {
  deploymentCreatePermission,
  deploymentGatePermission,
  deploymentOverridePermission,
  deploymentReadPermission,
  gateRequestSchema,
  listDeploymentsQuerySchema,
  recordDeploymentRequestSchema,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import type { DeploymentGateService } from '../service/DeploymentGateService';
import type { DeploymentService } from '../service/DeploymentService';
import type { ReleaseService } from '../service/ReleaseService';
import { parse, type RouterContext, pathId } from './RouterContext';

/** Most deployments one release lists. */
const RELEASE_DEPLOYMENTS_LIMIT = 500;

/**
 * What pipelines call: `/deployments` to record and list deployments and
 * `/gate` to ask whether one may go ahead; plus a release's deployments.
 */
export function createDeploymentsRouter(
  ctx: RouterContext,
  services: {
    deployments: DeploymentService;
    gate: DeploymentGateService;
    releases: ReleaseService;
  },
) {
  const { deployments, gate, releases } = services;
  const router = Router();

  router.post('/deployments', async (req, res) => {
    const result = await ctx.audited(
      req,
      'deployment-record',
      {
        externalId: String(req.body?.externalId ?? ''),
        entityRef: String(req.body?.entityRef ?? ''),
        environment: String(req.body?.environment ?? ''),
        status: String(req.body?.status ?? ''),
      },
      async () => {
        const credentials = await ctx.credentials(req);
        const body = parse(
          recordDeploymentRequestSchema,
          req.body,
          'deployment',
        );
        await ctx.authorize(credentials, deploymentCreatePermission);
        const actor = await ctx.actor(credentials);
        return deployments.record(body, actor);
      },
      r => ({
        deploymentId: r.deployment.id,
        created: r.created,
        releaseId: r.deployment.releaseId,
        ...(r.finding ? { finding: r.finding.kind } : {}),
      }),
    );
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/deployments', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(listDeploymentsQuerySchema, req.query, 'query');
    await ctx.authorize(credentials, deploymentReadPermission);
    res.json(await deployments.list(query));
  });

  router.get('/releases/:id/deployments', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    await releases.getStored(id);
    await ctx.authorizeReleaseRead(credentials, id);
    await ctx.authorize(credentials, deploymentReadPermission);
    res.json(
      await deployments.list({
        releaseId: id,
        limit: RELEASE_DEPLOYMENTS_LIMIT,
        offset: 0,
      }),
    );
  });

  // A question, but a POST: the answer depends on when it is asked, and an
  // override writes an audit finding.
  router.post('/gate', async (req, res) => {
    const decision = await ctx.audited(
      req,
      'deployment-gate',
      {
        entityRef: String(req.body?.entityRef ?? ''),
        environment: String(req.body?.environment ?? ''),
        version: String(req.body?.version ?? ''),
        override: Boolean(req.body?.override),
      },
      async () => {
        const credentials = await ctx.credentials(req);
        const body = parse(gateRequestSchema, req.body, 'gate request');
        await ctx.authorize(credentials, deploymentGatePermission);
        const actor = await ctx.actor(credentials);
        return gate.decide(body, actor, () =>
          ctx.isAllowed(credentials, deploymentOverridePermission),
        );
      },
      r => ({
        decision: r.decision,
        overridden: r.overridden,
        ...(r.release ? { releaseId: r.release } : {}),
      }),
    );
    res.json(decision);
  });

  return router;
}

import {
  calendarQuerySchema,
  conflictCheckRequestSchema,
  deploymentReadPermission,
  freezeWindowReadPermission,
  releaseModelReadPermission,
  releaseReadPermission,
  slotSearchRequestSchema,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import type { CalendarService } from '../scheduling/CalendarService';
import type { SchedulingService } from '../scheduling/SchedulingService';
import type { ReleaseService } from '../service/ReleaseService';
import { parse, type RouterContext, pathId } from './RouterContext';

/** Calendars, conflict checks and free slots. */
export function createSchedulingRouter(
  ctx: RouterContext,
  services: {
    scheduling: SchedulingService;
    calendars: CalendarService;
    releases: ReleaseService;
  },
) {
  const { scheduling, calendars, releases } = services;
  const router = Router();

  router.get('/calendar', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(calendarQuerySchema, req.query, 'query');
    // Two questions to the permission framework, asked at once; a refusal
    // to read releases is the answer whatever the other one did.
    const [filter, ...allowed] = await Promise.allSettled([
      ctx.releaseFilter(credentials, releaseReadPermission),
      ctx.isAllowed(credentials, deploymentReadPermission),
      ctx.isAllowed(credentials, freezeWindowReadPermission),
      ctx.isAllowed(credentials, releaseModelReadPermission),
    ]);
    if (filter.status === 'rejected') throw filter.reason;
    const [deployments, freezes, maintenanceWindows] = allowed.map(a => {
      if (a.status === 'rejected') throw a.reason;
      return a.value;
    });
    res.json(
      await calendars.calendar({
        ...query,
        permission: filter.value,
        deployments,
        freezes,
        maintenanceWindows,
      }),
    );
  });

  router.post('/conflicts/check', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const body = parse(conflictCheckRequestSchema, req.body, 'plan');
    const readable = await ctx.releaseFilter(
      credentials,
      releaseReadPermission,
    );
    const conflicts = await scheduling.check({ ...body, readable });
    res.json({
      conflicts,
      blocking: conflicts.some(c => c.severity === 'blocking'),
    });
  });

  router.post('/conflicts/slots', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const body = parse(slotSearchRequestSchema, req.body, 'slot search');
    const readable = await ctx.releaseFilter(
      credentials,
      releaseReadPermission,
    );
    res.json({ slots: await scheduling.findSlots({ ...body, readable }) });
  });

  router.get('/releases/:id/conflicts', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = pathId(req, 'release id');
    const release = await releases.getStored(id);
    await ctx.authorizeReleaseRead(credentials, id);
    const [model, readable] = await Promise.all([
      releases.modelDefinition(release),
      ctx.releaseFilter(credentials, releaseReadPermission),
    ]);
    const conflicts = await scheduling.conflictsOfRelease(
      release,
      model,
      readable,
    );
    res.json({
      conflicts,
      blocking: conflicts.some(c => c.severity === 'blocking'),
    });
  });

  return router;
}

import {
  calendarQuerySchema,
  conflictCheckRequestSchema,
  createFeedRequestSchema,
  releaseReadPermission,
  slotSearchRequestSchema,
} from '@release-management/plugin-release-management-common';
import { NotAllowedError } from '@backstage/errors';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { CalendarService } from '../scheduling/CalendarService';
import type { FeedService } from '../scheduling/FeedService';
import type { SchedulingService } from '../scheduling/SchedulingService';
import type { ReleaseService } from '../service/ReleaseService';
import { parse, type RouterContext } from './RouterContext';

const idSchema = z.string().min(1).max(64);
// Feed tokens are 43 base64url characters; anything else is not one.
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/);

/** Calendars, conflict checks, free slots and calendar feeds. */
export function createSchedulingRouter(
  ctx: RouterContext,
  services: {
    scheduling: SchedulingService;
    calendars: CalendarService;
    feeds: FeedService;
    releases: ReleaseService;
  },
) {
  const { scheduling, calendars, feeds, releases } = services;
  const router = Router();

  router.get('/calendar', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const query = parse(calendarQuerySchema, req.query, 'query');
    const permission = await ctx.releaseFilter(
      credentials,
      releaseReadPermission,
    );
    res.json(await calendars.calendar({ ...query, permission }));
  });

  router.post('/conflicts/check', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const body = parse(conflictCheckRequestSchema, req.body, 'plan');
    await ctx.releaseFilter(credentials, releaseReadPermission);
    const conflicts = await scheduling.check(body);
    res.json({
      conflicts,
      blocking: conflicts.some(c => c.severity === 'blocking'),
    });
  });

  router.post('/conflicts/slots', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const body = parse(slotSearchRequestSchema, req.body, 'slot search');
    await ctx.releaseFilter(credentials, releaseReadPermission);
    res.json({ slots: await scheduling.findSlots(body) });
  });

  router.get('/releases/:id/conflicts', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const id = parse(idSchema, req.params.id, 'release id');
    const release = await releases.getStored(id);
    await ctx.authorize(credentials, releaseReadPermission, id);
    const model = await releases.modelDefinition(release);
    const conflicts = await scheduling.conflictsOfRelease(release, model);
    res.json({
      conflicts,
      blocking: conflicts.some(c => c.severity === 'blocking'),
    });
  });

  router.post('/feeds', async (req, res) => {
    const feed = await ctx.audited(
      req,
      'calendar-feed-create',
      {},
      async () => {
        const credentials = await ctx.credentials(req);
        const body = parse(createFeedRequestSchema, req.body, 'feed');
        if ((credentials.principal as { type: string }).type !== 'user') {
          throw new NotAllowedError(
            'Calendar feeds belong to users; sign in to create one',
          );
        }
        const readFilter = await ctx.releaseFilter(
          credentials,
          releaseReadPermission,
        );
        const actor = await ctx.actor(credentials);
        return feeds.create({
          owner: actor.ref,
          title: body.title,
          scope: body.scope,
          readFilter,
        });
      },
      f => ({ feedId: f.id }),
    );
    res.status(201).json(feed);
  });

  router.get('/feeds', async (req, res) => {
    const credentials = await ctx.credentials(req);
    const actor = await ctx.actor(credentials);
    res.json({ items: await feeds.list(actor.ref) });
  });

  router.delete('/feeds/:id', async (req, res) => {
    await ctx.audited(
      req,
      'calendar-feed-revoke',
      { feedId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = parse(idSchema, req.params.id, 'feed id');
        const actor = await ctx.actor(credentials);
        await feeds.revoke(id, actor.ref);
      },
    );
    res.status(204).end();
  });

  // Reached without a Backstage token (see plugin.ts): the token in the
  // path is the credential.
  router.get('/ics/:token', async (req, res) => {
    const file = parse(tokenSchema, req.params.token, 'feed token');
    const ics = await feeds.render(file.slice(0, -'.ics'.length));
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Cache-Control', 'private, max-age=300')
      .send(ics);
  });

  return router;
}

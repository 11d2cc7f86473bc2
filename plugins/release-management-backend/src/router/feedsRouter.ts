import { NotAllowedError } from '@backstage/errors';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  createFeedRequestSchema,
  feedManagePermission,
  freezeWindowReadPermission,
  releaseModelReadPermission,
  releaseReadPermission,
} from '@release-management/plugin-release-management-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { FeedService } from '../scheduling/FeedService';
import { parse, type RouterContext, pathId } from './RouterContext';

// Feed tokens are 43 base64url characters; anything else is not one.
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/);

/** `/feeds` and `/ics`: calendar feeds for calendar clients. */
export function createFeedsRouter(ctx: RouterContext, feeds: FeedService) {
  const router = Router();

  // What a feed shows besides releases: kept with it, since calendar
  // clients bring no credentials to ask again.
  const seen = async (credentials: BackstageCredentials) => ({
    freezes: await ctx.isAllowed(credentials, freezeWindowReadPermission),
    maintenanceWindows: await ctx.isAllowed(
      credentials,
      releaseModelReadPermission,
    ),
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
          sees: await seen(credentials),
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

  // Every user's feeds, for administrators.
  router.get('/admin/feeds', async (req, res) => {
    const credentials = await ctx.credentials(req);
    await ctx.authorize(credentials, feedManagePermission);
    res.json({ items: await feeds.listAll() });
  });

  router.post('/feeds/:id/renew', async (req, res) => {
    const feed = await ctx.audited(
      req,
      'calendar-feed-renew',
      { feedId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'feed id');
        const readFilter = await ctx.releaseFilter(
          credentials,
          releaseReadPermission,
        );
        const actor = await ctx.actor(credentials);
        return feeds.renew({
          id,
          owner: actor.ref,
          readFilter,
          sees: await seen(credentials),
        });
      },
      f => ({ expiresAt: f.expiresAt }),
    );
    res.json(feed);
  });

  router.delete('/feeds/:id', async (req, res) => {
    await ctx.audited(
      req,
      'calendar-feed-revoke',
      { feedId: req.params.id },
      async () => {
        const credentials = await ctx.credentials(req);
        const id = pathId(req, 'feed id');
        const actor = await ctx.actor(credentials);
        // Administrators revoke anyone's feed; others their own.
        const anyFeed = await ctx.isAllowed(credentials, feedManagePermission);
        await feeds.revoke(id, anyFeed ? undefined : actor.ref);
      },
    );
    res.status(204).end();
  });

  // Reached without a Backstage token (see plugin.ts): the token in the
  // path is the credential.
  router.get('/ics/:token', async (req, res) => {
    // The token is a credential: the access log, which prints the URL when
    // the response is sent, gets it without the token.
    req.originalUrl = req.originalUrl.replace(
      /\/ics\/[^/?#]*/,
      '/ics/<token>.ics',
    );
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

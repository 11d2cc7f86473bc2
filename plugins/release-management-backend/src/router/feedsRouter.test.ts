import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import type { FeedService } from '../scheduling/FeedService';
import { createFeedsRouter } from './feedsRouter';
import { RouterContext } from './RouterContext';

const TOKEN = 'k3Yp0Q7pS5uJr1ZtT8cFvB2nXw4LmA6dHe9gR0sUiOq';

describe('the calendar feed route', () => {
  it('keeps the feed token out of the access log', async () => {
    const logger = mockServices.logger.mock();
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    const feeds = {
      render: jest.fn(async () => 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
    };
    const app = express();
    // Backstage's own access log, as the root HTTP router installs it.
    app.use(middleware.logging());
    app.use(
      '/api/release-management',
      createFeedsRouter(
        new RouterContext({
          httpAuth: mockServices.httpAuth(),
          userInfo: mockServices.userInfo(),
          permissions: mockServices.permissions(),
          auditor: mockServices.auditor.mock(),
          releaseConditionTransformer: jest.fn(),
        }),
        feeds as unknown as FeedService,
      ),
    );
    app.use(middleware.error());

    const res = await request(app).get(
      `/api/release-management/ics/${TOKEN}.ics`,
    );
    expect(res.status).toBe(200);
    expect(feeds.render).toHaveBeenCalledWith(TOKEN);

    const logged = JSON.stringify(logger.info.mock.calls);
    expect(logged).toContain(
      'GET /api/release-management/ics/<token>.ics HTTP/1.1',
    );
    expect(logged).not.toContain(TOKEN);
  });
});

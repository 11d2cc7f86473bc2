import {
  ref,
  list,
  ok,
  E400,
  E401,
  E403,
  E404,
  param,
  query,
  body,
  releaseId,
  E503,
  instantQuery,
} from './helpers';

/** Paths of calendars, conflicts and feeds. */
export const schedulingPaths = {
  '/calendar': {
    get: {
      summary:
        'Releases, freeze occurrences and maintenance windows in a range, each with why it is there',
      parameters: [
        {
          ...instantQuery('from', 'Range start'),
          required: true,
        },
        {
          ...instantQuery(
            'to',
            'Range end (exclusive), at most 731 days after from',
          ),
          required: true,
        },
        query('entityRef', 'An entity (and its neighbours)', {
          type: 'string',
        }),
        query('neighbours', 'none, direct (default) or transitive', {
          type: 'string',
        }),
        query('system', 'A system and everything part of it', {
          type: 'string',
        }),
        query('domain', 'A domain and everything part of it', {
          type: 'string',
        }),
        query('owner', 'A group, its sub-groups and what they own', {
          type: 'string',
        }),
        query('status', 'Release statuses (repeat)', {
          type: 'array',
          items: { type: 'string' },
        }),
        query('model', 'Release models (repeat)', {
          type: 'array',
          items: { type: 'string' },
        }),
      ],
      responses: {
        '200': ok('Calendar', ref('Calendar')),
        ...E400,
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/conflicts/check': {
    post: {
      summary: 'Conflicts of a plan that need not be saved (what if)',
      requestBody: body('ConflictCheckRequest'),
      responses: {
        '200': ok('Conflicts', ref('ConflictCheck')),
        ...E400,
        ...E401,
        ...E403,
        ...E503,
      },
    },
  },
  '/conflicts/slots': {
    post: {
      summary: 'The next windows free of blocking conflicts',
      requestBody: body('SlotSearchRequest'),
      responses: {
        '200': ok('Slots', ref('SlotSearch')),
        ...E400,
        ...E401,
        ...E403,
        ...E503,
      },
    },
  },
  '/releases/{id}/conflicts': {
    get: {
      summary: "The current conflicts of a release's planned window",
      parameters: [releaseId],
      responses: {
        '200': ok('Conflicts', ref('ConflictCheck')),
        ...E401,
        ...E403,
        ...E404,
        ...E503,
      },
    },
  },
  '/feeds': {
    get: {
      summary: "The caller's calendar feeds",
      responses: { '200': ok('Feeds', list('CalendarFeed')), ...E401 },
    },
    post: {
      summary: 'Create a calendar feed URL for calendar clients (shown once)',
      requestBody: body('CreateFeedRequest'),
      responses: {
        '201': ok('Created', ref('CreatedFeed')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
  },
  '/feeds/{id}': {
    delete: {
      summary:
        "Revoke a calendar feed: your own, or anyone's with release-management.feed.manage",
      parameters: [param('id', 'Feed id')],
      responses: { '204': { description: 'Revoked' }, ...E401, ...E404 },
    },
  },
  '/feeds/{id}/renew': {
    post: {
      summary: 'Give your feed another lifetime, showing what you may read now',
      parameters: [param('id', 'Feed id')],
      responses: {
        '200': ok('Renewed', ref('CalendarFeed')),
        ...E401,
        ...E404,
      },
    },
  },
  '/admin/feeds': {
    get: {
      summary:
        "Every user's active calendar feeds (release-management.feed.manage)",
      responses: {
        '200': ok('Feeds', list('OwnedFeed')),
        ...E401,
        ...E403,
      },
    },
  },
  '/ics/{token}': {
    get: {
      summary:
        'An ICS calendar (RFC 5545); the token in the path is the credential',
      security: [],
      parameters: [param('token', 'The feed token followed by .ics')],
      responses: {
        '200': {
          description: 'Calendar',
          content: { 'text/calendar': { schema: { type: 'string' } } },
        },
        ...E400,
        ...E404,
      },
    },
  },
};

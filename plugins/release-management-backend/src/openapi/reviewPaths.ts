import {
  ref,
  ok,
  E400,
  E401,
  E403,
  E404,
  E409,
  body,
  releaseId,
} from './helpers';

/**
 * Paths of what owners of impacted entities say about a release:
 * satisfaction ratings and acknowledgements.
 */
export const reviewPaths = {
  '/releases/{id}/ratings': {
    get: {
      summary: 'Satisfaction ratings of a release, with their mean',
      parameters: [releaseId],
      responses: {
        '200': ok('Ratings', ref('ReleaseRatings')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
    post: {
      summary:
        "Rate a release 1-5 with a comment; replaces the caller's earlier rating",
      description:
        'Open to owners of entities the release touches (its scope and its impact), once the release was deployed, failed or was rolled back.',
      parameters: [releaseId],
      requestBody: body('RateReleaseRequest'),
      responses: {
        '200': ok("The caller's rating", ref('ReleaseRating')),
        ...E400,
        ...E401,
        '403': {
          description:
            'Not permitted, or the caller owns nothing the release touches',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Error' },
            },
          },
        },
        ...E404,
        ...E409,
      },
    },
  },
  '/releases/{id}/acknowledgements': {
    get: {
      summary:
        'The owners of impacted entities: when they were told and who acknowledged',
      parameters: [releaseId],
      responses: {
        '200': ok('Impacted owners', ref('Acknowledgements')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
    post: {
      summary:
        'Acknowledge the release for every impacted owner the caller belongs to',
      description:
        'Notifications link to the release page with ?acknowledge=1, which calls this. Feeds the owner alignment metric.',
      parameters: [releaseId],
      responses: {
        '201': ok('Impacted owners', ref('Acknowledgements')),
        ...E401,
        ...E403,
        ...E404,
      },
    },
  },
};

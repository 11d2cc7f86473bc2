import { ref, ok, E400, E401, E403, query, instantQuery } from './helpers';

/** Paths of the metrics. */
export const metricsPaths = {
  '/metrics': {
    get: {
      summary:
        'ITIL key metrics of release management and the DORA figures for a period, in total and per group',
      description:
        'Every figure is aggregated in SQL. The response lists the exact definition of each figure; a figure with nothing to divide by is null. Aggregates over every release and deployment, so a conditional read decision does not narrow it.',
      parameters: [
        instantQuery(
          'from',
          'Start of the period (inclusive); default to minus 90 days',
        ),
        instantQuery('to', 'End of the period (exclusive); default now'),
        query('groupBy', 'Split the figures', {
          type: 'string',
          enum: ['system', 'domain', 'owner', 'model', 'month'],
        }),
      ],
      responses: {
        '200': ok('Totals, groups and definitions', ref('Metrics')),
        ...E400,
        ...E401,
        ...E403,
      },
    },
  },
};

/**
 * InfoCard titles render as a span; these make them real headings, so the
 * page has an outline that screen readers (and browser tests) can follow.
 */
export const cardHeading = {
  titleTypographyProps: { component: 'h2' },
} as const;

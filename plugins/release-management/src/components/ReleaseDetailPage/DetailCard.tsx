import { InfoCard } from '@backstage/core-components';
import type { ReactNode } from 'react';

/**
 * An `InfoCard` whose title is a real heading one level below the release
 * title, so screen readers can jump between the sections of the page.
 */
export const DetailCard = (props: {
  title: string;
  subheader?: string;
  action?: ReactNode;
  noPadding?: boolean;
  children: ReactNode;
}) => (
  <InfoCard
    title={props.title}
    subheader={props.subheader}
    action={props.action}
    noPadding={props.noPadding}
    titleTypographyProps={{ component: 'h3', variant: 'h5' } as any}
  >
    {props.children}
  </InfoCard>
);

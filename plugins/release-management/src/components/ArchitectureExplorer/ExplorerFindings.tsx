import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/** One list of findings; says so when there is nothing to report. */
export const ExplorerFindings = ({
  title,
  empty,
  items,
}: {
  title: string;
  empty: string;
  items: { key: string; primary: ReactNode; secondary?: ReactNode }[];
}) => (
  <InfoCard title={title} subheader={`${items.length}`}>
    {items.length === 0 ? (
      <Typography variant="body2" color="textSecondary">
        {empty}
      </Typography>
    ) : (
      <List dense disablePadding>
        {items.map(item => (
          <ListItem key={item.key} disableGutters>
            <ListItemText primary={item.primary} secondary={item.secondary} />
          </ListItem>
        ))}
      </List>
    )}
  </InfoCard>
);

/** Entity refs as catalog links. */
export const refItems = (refs: string[]) =>
  refs.map(ref => ({ key: ref, primary: <EntityRefLink entityRef={ref} /> }));

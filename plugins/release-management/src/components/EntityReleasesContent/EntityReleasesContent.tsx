import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cardHeading } from './cardHeading';
import { releaseManagementApiRef } from '../../api';
import { ReleaseCalendar } from '../ReleaseCalendar';
import { ApplicableModelCard } from './ApplicableModelCard';
import { chooseRelease } from './chooseRelease';
import { ReleaseHistoryCard } from './ReleaseHistoryCard';
import { ReleaseImpactCard } from './ReleaseImpactCard';

/** How many of an entity's releases the history shows. */
export const HISTORY_LIMIT = 100;

type Neighbours = 'none' | 'direct' | 'transitive';

const NEIGHBOURS: { value: Neighbours; label: string }[] = [
  { value: 'none', label: 'None: this entity only' },
  { value: 'direct', label: 'Direct dependencies and dependents' },
  { value: 'transitive', label: 'Transitive dependencies and dependents' },
];

/**
 * The "Releases" tab of an entity page: the entity's release calendar
 * (with its neighbours' releases if wanted), its release history, the
 * model its releases follow, and the impact of its next release.
 *
 * @public
 */
export const EntityReleasesContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(releaseManagementApiRef);
  const [neighbours, setNeighbours] = useState<Neighbours>('direct');

  const history = useAsync(
    () => api.listReleases({ entityRef, limit: HISTORY_LIMIT, order: 'desc' }),
    [api, entityRef],
  );
  const choice = useMemo(
    () => (history.value ? chooseRelease(history.value.items) : undefined),
    [history.value],
  );
  const query = useMemo(
    () => ({ entityRef, neighbours }),
    [entityRef, neighbours],
  );

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <InfoCard title="Release calendar" {...cardHeading}>
          <ReleaseCalendar
            query={query}
            height={640}
            actions={
              <TextField
                select
                id="release-calendar-neighbours"
                label="Neighbours"
                variant="outlined"
                size="small"
                value={neighbours}
                onChange={e => setNeighbours(e.target.value as Neighbours)}
                SelectProps={{ native: true }}
                style={{ minWidth: 260 }}
              >
                {NEIGHBOURS.map(n => (
                  <option key={n.value} value={n.value}>
                    {n.label}
                  </option>
                ))}
              </TextField>
            }
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={8}>
        <ReleaseHistoryCard history={history} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <ApplicableModelCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <ReleaseImpactCard
          choice={choice}
          loading={history.loading}
          error={history.error}
        />
      </Grid>
    </Grid>
  );
};

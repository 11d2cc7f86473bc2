import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { ReleaseStatus } from '@release-management/plugin-release-management-common';
import { useState } from 'react';
import { useEntityCalendar } from '../../hooks/useEntityCalendar';
import {
  newReleaseRouteRef,
  releaseRouteRef,
  rootRouteRef,
} from '../../routes';
import { formatWindow } from '../shared/formatTime';
import { paletteOf } from '../ReleaseCalendar/statusColours';
import type { Swatch } from '../ReleaseCalendar/calendarPalette';

const DAYS = 30;

const REASONS: Record<string, string> = {
  own: '',
  dependency: 'dependency',
  dependent: 'depends on it',
};

/**
 * The release calendar of one entity: the next 30 days of its releases
 * and, switched on by default, those of what it depends on and what
 * depends on it, with the freezes that cover it.
 *
 * @public
 */
export const EntityReleaseCalendarCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const [neighbours, setNeighbours] = useState(true);
  const calendar = useEntityCalendar(entityRef, { days: DAYS, neighbours });
  const releaseManagementLink = useRouteRef(rootRouteRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const newReleaseLink = useRouteRef(newReleaseRouteRef);
  const name = entity.metadata.title ?? entity.metadata.name;
  // The chips wear the calendar's colours, so a status looks the same here.
  const palette = paletteOf(useTheme());
  const chipStyle = (swatch: Swatch) => ({
    backgroundColor: swatch.background,
    color: swatch.text,
    borderColor: swatch.border,
  });

  let body: JSX.Element;
  if (calendar.loading && !calendar.value) {
    body = <Progress />;
  } else if (calendar.error) {
    body = <ResponseErrorPanel error={calendar.error} />;
  } else {
    const { releases = [], freezes = [] } = calendar.value ?? {};
    const items = [
      ...releases
        .filter(r => r.plannedWindow)
        .map(r => ({
          key: `release-${r.id}`,
          start: r.plannedWindow!.start,
          end: r.plannedWindow!.end,
          primary: `${r.title} (${r.versionLabel})`,
          link: releaseLink({ id: r.id }) as string | undefined,
          timeZone: r.plannedWindow!.timeZone,
          secondary: [
            REASONS[r.reason] && r.via ? `${REASONS[r.reason]}: ${r.via}` : '',
          ],
          chip: r.status,
          swatch: palette.releases[r.status as ReleaseStatus],
        })),
      ...freezes.map(f => ({
        key: `freeze-${f.freezeWindowId}-${f.start}`,
        start: f.start,
        end: f.end,
        primary: f.title,
        link: undefined,
        timeZone: f.timeZone,
        secondary: [f.explanation],
        chip: f.severity === 'hard' ? 'hard freeze' : 'soft freeze',
        swatch: f.severity === 'hard' ? palette.hardFreeze : palette.softFreeze,
      })),
    ].sort((a, b) => a.start.localeCompare(b.start));

    body =
      items.length === 0 ? (
        <Typography variant="body1">
          No releases of {name}
          {neighbours
            ? ' or of what it depends on or what depends on it'
            : ''}{' '}
          are planned in the next {DAYS} days, and no freeze covers it.
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Release calendar">
          {items.map(item => (
            <ListItem key={item.key} disableGutters divider>
              <ListItemText
                primary={
                  item.link ? (
                    <Link to={item.link}>{item.primary}</Link>
                  ) : (
                    item.primary
                  )
                }
                secondary={
                  // The viewer's zone; the zone it was planned in on hover.
                  <span
                    title={formatWindow(item.start, item.end, item.timeZone)}
                  >
                    {[formatWindow(item.start, item.end), ...item.secondary]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                }
              />
              <Chip
                size="small"
                label={item.chip}
                variant="outlined"
                style={chipStyle(item.swatch)}
              />
            </ListItem>
          ))}
        </List>
      );
  }

  return (
    <InfoCard
      title="Release calendar"
      subheader={`Next ${DAYS} days`}
      action={
        <FormControlLabel
          control={
            <Switch
              checked={neighbours}
              onChange={(_e, checked) => setNeighbours(checked)}
              color="primary"
              size="small"
            />
          }
          label="Neighbours"
        />
      }
    >
      {body}
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ marginTop: 8 }}
      >
        <Link to={releaseManagementLink()}>Open release management</Link>
        {' · '}
        <Link
          to={`${newReleaseLink()}?entityRef=${encodeURIComponent(entityRef)}`}
        >
          Plan a release of {name}
        </Link>
      </Typography>
    </InfoCard>
  );
};

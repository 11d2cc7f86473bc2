import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  RELEASE_STATUSES,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';
import { useCalendarStyles } from './useCalendarStyles';
import { statusStyle } from './statusColours';

const Swatch = ({
  label,
  className,
  style,
}: {
  label: string;
  className?: string;
  style?: React.CSSProperties;
}) => (
  <Box component="li" display="flex" alignItems="center" mr={2} mb={0.5}>
    <span
      aria-hidden
      className={`rbc-event ${className ?? ''}`}
      style={{
        display: 'inline-block',
        width: 18,
        height: 12,
        padding: 0,
        marginRight: 6,
        ...style,
      }}
    />
    <Typography variant="caption">{label}</Typography>
  </Box>
);

/** What the colours and shadings of the calendar mean. */
export const CalendarLegend = () => {
  const theme = useTheme();
  const classes = useCalendarStyles();
  return (
    <Box
      component="ul"
      aria-label="Legend"
      display="flex"
      flexWrap="wrap"
      p={0}
      mt={1.5}
      mb={0}
      style={{ listStyle: 'none' }}
      className={classes.kinds}
    >
      {RELEASE_STATUSES.map((status: ReleaseStatus) => (
        <Swatch
          key={status}
          label={status}
          style={statusStyle(theme, status)}
        />
      ))}
      <Swatch label="hard freeze" className={classes.hardFreeze} />
      <Swatch label="soft freeze" className={classes.softFreeze} />
      <Swatch label="maintenance window" className={classes.maintenance} />
      <Swatch label="deployment" className={classes.deployment} />
      <Swatch label="restricted release (busy)" className={classes.busy} />
    </Box>
  );
};

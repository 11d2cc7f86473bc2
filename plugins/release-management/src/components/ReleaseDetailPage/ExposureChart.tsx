import type { ExposureResponse } from '@release-management/plugin-release-management-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The share of users who see the release over time, as a step line: the
 * audience changes when a ring moves, not gradually in between.
 */
export const ExposureChart = ({ exposure }: { exposure: ExposureResponse }) => {
  const theme = useTheme();
  if (exposure.points.length === 0) {
    return (
      <Typography variant="body2">
        No ring has started yet: nobody sees this release.
      </Typography>
    );
  }
  const data = exposure.points.map(p => ({
    at: Date.parse(p.at),
    audience: p.audiencePercent,
    ring: p.ring,
  }));
  const format = (at: number) =>
    DateTime.fromMillis(at).toLocaleString(DateTime.DATETIME_SHORT);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Typography variant="body2">
          Exposure now: {exposure.currentPercent}% of users
        </Typography>
      </figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={format}
          />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip
            labelFormatter={at => format(Number(at))}
            formatter={(value, _name, item) => [
              `${value}% (${item.payload.ring})`,
              'Audience',
            ]}
          />
          <Line
            type="stepAfter"
            dataKey="audience"
            stroke={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
};

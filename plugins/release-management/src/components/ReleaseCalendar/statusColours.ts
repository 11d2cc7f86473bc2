import type { Theme } from '@material-ui/core/styles';
import type { ReleaseStatus } from '@release-management/plugin-release-management-common';

/**
 * The colour of a release of each status, taken from the theme's palette so
 * that the calendar follows the light and dark Backstage themes. Statuses
 * before execution are blues, running is amber, done is green, problems
 * are red, and ended-without-effect is grey.
 */
export function statusColour(theme: Theme, status: ReleaseStatus): string {
  const { palette } = theme;
  switch (status) {
    case 'draft':
      return palette.grey[500];
    case 'planned':
      return palette.info.main;
    case 'scheduled':
      return palette.primary.main;
    case 'in-progress':
      return palette.warning.main;
    case 'deployed':
      return palette.success.light;
    case 'verified':
      return palette.success.main;
    case 'closed':
      return palette.grey[600];
    case 'cancelled':
      return palette.grey[400];
    case 'failed':
      return palette.error.main;
    case 'rolled-back':
      return palette.error.dark;
    default:
      return palette.primary.main;
  }
}

/** Background and text colours of a release of `status`. */
export function statusStyle(
  theme: Theme,
  status: ReleaseStatus,
): { backgroundColor: string; color: string; borderColor: string } {
  const backgroundColor = statusColour(theme, status);
  return {
    backgroundColor,
    color: theme.palette.getContrastText(backgroundColor),
    borderColor: backgroundColor,
  };
}

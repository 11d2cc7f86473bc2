import type { Theme } from '@material-ui/core/styles';
import type { ReleaseStatus } from '@release-management/plugin-release-management-common';
import { calendarPalette, type CalendarPalette } from './calendarPalette';

const palettes = new WeakMap<Theme, CalendarPalette>();

/** The calendar palette of `theme`, worked out once per theme object. */
export function paletteOf(theme: Theme): CalendarPalette {
  let palette = palettes.get(theme);
  if (!palette) {
    palette = calendarPalette(theme);
    palettes.set(theme, palette);
  }
  return palette;
}

/** Background, text and border colours of a release of `status`. */
export function statusStyle(
  theme: Theme,
  status: ReleaseStatus,
): { backgroundColor: string; color: string; borderColor: string } {
  const swatch = paletteOf(theme).releases[status];
  return {
    backgroundColor: swatch.background,
    color: swatch.text,
    borderColor: swatch.border,
  };
}

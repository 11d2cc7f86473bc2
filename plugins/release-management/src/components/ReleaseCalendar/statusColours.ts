import type { Theme } from '@material-ui/core/styles';
import type { ReleaseStatus } from '@release-management/plugin-release-management-common';
import { calendarPalette, type CalendarPalette } from './calendarPalette';

const palettes = new Map<string, CalendarPalette>();

// Theme providers may hand out a new theme object on every render, so the
// palette is kept by the colours it is made of rather than by the object.
function colourKey(theme: Theme): string {
  const { palette: p } = theme;
  return [
    p.background.paper,
    p.text.primary,
    p.action.hover,
    p.common.white,
    p.common.black,
    p.grey[400],
    p.grey[500],
    p.grey[600],
    ...(['primary', 'info', 'success', 'warning', 'error'] as const).flatMap(
      k => [p[k].main, p[k].light, p[k].dark],
    ),
  ].join('|');
}

/** The calendar palette of `theme`, worked out once per set of colours. */
export function paletteOf(theme: Theme): CalendarPalette {
  const key = colourKey(theme);
  let palette = palettes.get(key);
  if (!palette) {
    palette = calendarPalette(theme);
    // A handful of themes at most; never grow without bound.
    if (palettes.size > 16) palettes.clear();
    palettes.set(key, palette);
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

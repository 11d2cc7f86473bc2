import type { Theme } from '@material-ui/core/styles';
import { themes } from '@backstage/theme';
import { RELEASE_STATUSES } from '@release-management/plugin-release-management-common';
import {
  calendarPalette,
  contrast,
  contrastFindings,
  distinctFrom,
  GRAPHIC_CONTRAST,
  TEXT_CONTRAST,
  worstStatusContrast,
} from './calendarPalette';

const backstageThemes = {
  light: themes.light.getTheme('v4') as Theme,
  dark: themes.dark.getTheme('v4') as Theme,
};

describe('calendarPalette', () => {
  describe.each(Object.entries(backstageThemes))('the %s theme', (_, theme) => {
    const palette = calendarPalette(theme);

    it('meets WCAG AA for every status, freeze, maintenance window and deployment', () => {
      expect(contrastFindings(palette)).toEqual([]);
    });

    it.each([...RELEASE_STATUSES])(
      'gives %s readable text and an outline that stands out from every cell',
      status => {
        const swatch = palette.releases[status];
        expect(contrast(swatch.text, swatch.background)).toBeGreaterThanOrEqual(
          TEXT_CONTRAST,
        );
        for (const cell of palette.cells) {
          expect(contrast(swatch.border, cell)).toBeGreaterThanOrEqual(
            GRAPHIC_CONTRAST,
          );
        }
      },
    );

    it('keeps the statuses apart', () => {
      const fills = RELEASE_STATUSES.map(s => palette.releases[s].background);
      // Ten statuses, at least eight distinct fills (related statuses may
      // share a hue but not the whole family).
      expect(new Set(fills).size).toBeGreaterThanOrEqual(8);
    });

    it('reports the worst status contrast', () => {
      const worst = worstStatusContrast(palette);
      expect(RELEASE_STATUSES).toContain(worst.status);
      expect(worst.ratio).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    });
  });

  it('reports a pair that misses AA, such as white text on grey 500', () => {
    const theme = backstageThemes.light;
    const palette = calendarPalette(theme);
    const broken = {
      ...palette,
      releases: {
        ...palette.releases,
        // What drafts looked like before: white on MUI's grey 500.
        draft: {
          background: theme.palette.grey[500],
          text: '#fff',
          border: theme.palette.grey[500],
        },
      },
    };
    const findings = contrastFindings(broken);
    expect(findings.map(f => f.what)).toEqual(
      expect.arrayContaining(['release draft: text', 'release draft: outline']),
    );
    const text = findings.find(f => f.what === 'release draft: text')!;
    expect(text.ratio).toBeCloseTo(2.68, 2);
    expect(text.required).toBe(TEXT_CONTRAST);
  });

  it('uses the WCAG formula: black on white is 21:1, translucent colours are composited', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#fff', '#fff')).toBeCloseTo(1, 5);
    // Half-transparent black on white is a mid grey (#808080): 3.95:1.
    expect(contrast('rgba(0, 0, 0, 0.5)', '#fff')).toBeCloseTo(3.95, 1);
  });

  it('moves a colour away from its backgrounds only as far as needed', () => {
    const amber = '#ffb300';
    expect(contrast(amber, '#fff')).toBeLessThan(GRAPHIC_CONTRAST);
    const adjusted = distinctFrom(amber, ['#fff'], GRAPHIC_CONTRAST);
    expect(contrast(adjusted, '#fff')).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    expect(contrast(adjusted, '#fff')).toBeLessThan(TEXT_CONTRAST + 1);
    // Already distinct: left as it is.
    expect(distinctFrom('#000000', ['#fff'], GRAPHIC_CONTRAST)).toBe(
      'rgb(0, 0, 0)',
    );
  });
});

import {
  alpha,
  darken,
  decomposeColor,
  getContrastRatio,
  getLuminance,
  hslToRgb,
  lighten,
  recomposeColor,
  type Theme,
} from '@material-ui/core/styles';
import {
  RELEASE_STATUSES,
  type ReleaseStatus,
} from '@release-management/plugin-release-management-common';

/** WCAG 2.1 AA: text (1.4.3) and graphical objects such as borders (1.4.11). */
export const TEXT_CONTRAST = 4.5;
/** @see TEXT_CONTRAST */
export const GRAPHIC_CONTRAST = 3;

/** What an event looks like: its fill, its text and its outline. */
export type Swatch = { background: string; text: string; border: string };

/** A freeze: a hatched event whose title stands on an opaque label. */
export type FreezeSwatch = Swatch & { hatching: string };

/** Every colour the calendar views, the legend and the entity card use. */
export type CalendarPalette = {
  /** The opaque backgrounds an event or a shading may stand on. */
  cells: string[];
  /** Text on the cells themselves: day names, dates, hours. */
  cellText: string;
  releases: Record<ReleaseStatus, Swatch>;
  hardFreeze: FreezeSwatch;
  softFreeze: FreezeSwatch;
  maintenance: Swatch;
  deployment: Swatch;
  failedDeployment: Swatch;
  /** A release the viewer may not read: a neutral, outlined busy block. */
  busy: Swatch;
};

function opaque(colour: string): number[] {
  const parsed = decomposeColor(
    colour.startsWith('hsl') ? hslToRgb(colour) : colour,
  );
  return parsed.values.length === 4 ? parsed.values : [...parsed.values, 1];
}

/** `colour` painted over the opaque `below`: what the eye (and axe) sees. */
export function composite(colour: string, below: string): string {
  const top = opaque(colour);
  const base = opaque(below);
  const a = top[3];
  const mixed = [0, 1, 2].map(i => Math.round(top[i] * a + base[i] * (1 - a)));
  return recomposeColor({ type: 'rgb', values: mixed as never });
}

/** The WCAG contrast ratio of `colour` (which may be translucent) on `below`. */
export function contrast(colour: string, below: string): number {
  const ground = composite(below, '#fff');
  return getContrastRatio(composite(colour, ground), ground);
}

// Luminance at which black and white text contrast equally with a colour.
const MID_LUMINANCE = 0.179;

/**
 * `colour` darkened or lightened (away from `from`) just enough to reach
 * `ratio` against every colour of `from`. Themes differ, adopters bring
 * their own: adjusting the theme's colour keeps its hue and still
 * guarantees the contrast, where fixed hex values would not.
 */
export function distinctFrom(
  colour: string,
  from: string[],
  ratio: number,
): string {
  const light = from.every(c => getLuminance(composite(c, '#fff')) > 0.5);
  for (let step = 0; step <= 20; step++) {
    const candidate =
      step === 0
        ? composite(colour, '#fff')
        : (light ? darken : lighten)(composite(colour, '#fff'), step / 20);
    if (from.every(c => contrast(candidate, c) >= ratio)) return candidate;
  }
  return light ? '#000' : '#fff';
}

/** A filled event in `base`'s hue with text that reads on it. */
function filled(theme: Theme, base: string, cells: string[]): Swatch {
  const { white, black } = theme.palette.common;
  const text =
    getLuminance(composite(base, '#fff')) > MID_LUMINANCE ? black : white;
  const background = distinctFrom(base, [text], TEXT_CONTRAST);
  return {
    background,
    text,
    border: distinctFrom(background, cells, GRAPHIC_CONTRAST),
  };
}

/**
 * The hue of each status, taken from the theme's palette: statuses before
 * execution are blues, running is amber, done is green, problems are red,
 * and ended-without-effect is grey.
 */
function statusHue(theme: Theme, status: ReleaseStatus): string {
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

/** The translucent layers the calendar paints on its day cells. */
export function cellShades(theme: Theme) {
  return {
    offRange: theme.palette.action.hover,
    today: alpha(theme.palette.primary.main, 0.08),
  };
}

/**
 * The calendar's colours in `theme`, each checked against WCAG AA: event
 * text 4.5:1 on its fill, outlines and hatching 3:1 on every cell they can
 * stand on (a plain day, a day of another month, today).
 */
export function calendarPalette(theme: Theme): CalendarPalette {
  const paper = theme.palette.background.paper;
  const shades = cellShades(theme);
  const cells = [
    paper,
    composite(shades.offRange, paper),
    composite(shades.today, paper),
  ];
  const text = composite(theme.palette.text.primary, paper);
  const outlined = (hue: string): Swatch => ({
    background: paper,
    text,
    border: distinctFrom(hue, cells, GRAPHIC_CONTRAST),
  });
  const freeze = (hue: string): FreezeSwatch => {
    const border = distinctFrom(hue, cells, GRAPHIC_CONTRAST);
    return { ...outlined(hue), border, hatching: border };
  };
  const releases = Object.fromEntries(
    RELEASE_STATUSES.map(status => [
      status,
      filled(theme, statusHue(theme, status), cells),
    ]),
  ) as Record<ReleaseStatus, Swatch>;
  return {
    cells,
    cellText: text,
    releases,
    hardFreeze: freeze(theme.palette.error.main),
    softFreeze: freeze(theme.palette.warning.main),
    maintenance: {
      ...outlined(theme.palette.success.main),
      background: composite(alpha(theme.palette.success.main, 0.12), paper),
    },
    deployment: outlined(theme.palette.info.main),
    failedDeployment: outlined(theme.palette.error.main),
    busy: outlined(theme.palette.grey[600]),
  };
}

/** One pair of colours that misses its WCAG AA ratio. */
export type ContrastFinding = {
  what: string;
  foreground: string;
  background: string;
  ratio: number;
  required: number;
};

/**
 * Every pair in `palette` below its required ratio: text on fills (and on
 * the cells, for outlined events), outlines and hatching on every cell.
 */
export function contrastFindings(palette: CalendarPalette): ContrastFinding[] {
  const findings: ContrastFinding[] = [];
  const check = (
    what: string,
    foreground: string,
    background: string,
    required: number,
  ) => {
    const ratio = contrast(foreground, background);
    if (ratio < required) {
      findings.push({ what, foreground, background, ratio, required });
    }
  };
  const swatches: [string, Swatch][] = [
    ...Object.entries(palette.releases).map(
      ([status, s]) => [`release ${status}`, s] as [string, Swatch],
    ),
    ['hard freeze', palette.hardFreeze],
    ['soft freeze', palette.softFreeze],
    ['maintenance window', palette.maintenance],
    ['deployment', palette.deployment],
    ['failed deployment', palette.failedDeployment],
    ['restricted release', palette.busy],
  ];
  for (const cell of palette.cells) {
    check('day names and dates', palette.cellText, cell, TEXT_CONTRAST);
  }
  for (const [what, swatch] of swatches) {
    check(`${what}: text`, swatch.text, swatch.background, TEXT_CONTRAST);
    for (const cell of palette.cells) {
      check(`${what}: outline`, swatch.border, cell, GRAPHIC_CONTRAST);
    }
  }
  for (const [what, swatch] of [
    ['hard freeze', palette.hardFreeze],
    ['soft freeze', palette.softFreeze],
  ] as const) {
    for (const cell of palette.cells) {
      check(`${what}: hatching`, swatch.hatching, cell, GRAPHIC_CONTRAST);
    }
  }
  return findings;
}

/** The lowest text contrast of any release status: the figure to report. */
export function worstStatusContrast(palette: CalendarPalette): {
  status: ReleaseStatus;
  ratio: number;
} {
  return RELEASE_STATUSES.map(status => ({
    status,
    ratio: contrast(
      palette.releases[status].text,
      palette.releases[status].background,
    ),
  })).reduce((worst, next) => (next.ratio < worst.ratio ? next : worst));
}

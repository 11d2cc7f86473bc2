import { alpha, makeStyles } from '@material-ui/core/styles';
import { cellShades } from './calendarPalette';
import { paletteOf } from './statusColours';

/**
 * Thin diagonal lines in `colour`: strong enough to be seen (3:1 against
 * the cell), thin enough that the cell stays a cell. Text never stands on
 * them; it gets an opaque label (see `label`).
 */
export const hatching = (colour: string) =>
  `repeating-linear-gradient(135deg, ${colour} 0 1.5px, transparent 1.5px 9px)`;

/**
 * react-big-calendar's stylesheet in the colours, borders and fonts of the
 * Backstage theme, light or dark. The library's CSS is loaded before JSS
 * (the Backstage bundler inserts CSS ahead of it), and every rule here is
 * nested under `root`, so these win without `!important`.
 */
export const useCalendarStyles = makeStyles(theme => {
  const border = `1px solid ${theme.palette.divider}`;
  const palette = paletteOf(theme);
  const shades = cellShades(theme);
  // Text on a hatched event or day stands on the paper, not on the lines.
  const label = {
    background: theme.palette.background.paper,
    color: palette.hardFreeze.text,
    borderRadius: 2,
    padding: theme.spacing(0, 0.5),
  };
  return {
    root: {
      fontFamily: theme.typography.fontFamily,
      fontSize: theme.typography.body2.fontSize,
      color: theme.palette.text.primary,
      '& .rbc-calendar': { minHeight: 560 },
      '& .rbc-toolbar': {
        flexWrap: 'wrap',
        gap: theme.spacing(1),
        marginBottom: theme.spacing(1.5),
      },
      '& .rbc-toolbar .rbc-toolbar-label': {
        ...theme.typography.h6,
        textAlign: 'center',
      },
      '& .rbc-toolbar button': {
        fontFamily: 'inherit',
        fontSize: theme.typography.button.fontSize,
        fontWeight: theme.typography.button.fontWeight,
        color: theme.palette.text.primary,
        background: 'transparent',
        border,
        borderColor: alpha(theme.palette.text.primary, 0.23),
        padding: theme.spacing(0.75, 1.5),
        cursor: 'pointer',
        '&:hover, &:focus': {
          color: theme.palette.text.primary,
          backgroundColor: theme.palette.action.hover,
          borderColor: alpha(theme.palette.text.primary, 0.23),
        },
        '&:focus-visible': {
          outline: `2px solid ${theme.palette.primary.main}`,
          outlineOffset: 1,
          zIndex: 1,
        },
      },
      '& .rbc-toolbar button.rbc-active, & .rbc-toolbar button:active': {
        color: theme.palette.primary.contrastText,
        backgroundColor: theme.palette.primary.main,
        borderColor: theme.palette.primary.main,
        boxShadow: 'none',
        '&:hover, &:focus': {
          color: theme.palette.primary.contrastText,
          backgroundColor: theme.palette.primary.dark,
          borderColor: theme.palette.primary.dark,
        },
      },
      // Every border of the grids, in the theme's divider colour.
      [[
        '& .rbc-month-view',
        '& .rbc-time-view',
        '& .rbc-agenda-view table.rbc-agenda-table',
        '& .rbc-header',
        '& .rbc-header + .rbc-header',
        '& .rbc-month-row + .rbc-month-row',
        '& .rbc-day-bg + .rbc-day-bg',
        '& .rbc-time-header-content',
        '& .rbc-time-content',
        '& .rbc-time-content > * + * > *',
        '& .rbc-timeslot-group',
        '& .rbc-day-slot .rbc-time-slot',
        '& .rbc-time-header.rbc-overflowing',
        '& .rbc-agenda-view table.rbc-agenda-table tbody > tr > td + td',
        '& .rbc-agenda-view table.rbc-agenda-table tbody > tr + tr',
        '& .rbc-agenda-view table.rbc-agenda-table thead > tr > th',
      ].join(', ')]: { borderColor: theme.palette.divider },
      '& .rbc-month-view, & .rbc-time-view': {
        borderRadius: theme.shape.borderRadius,
        background: theme.palette.background.paper,
      },
      '& .rbc-header': {
        padding: theme.spacing(0.5),
        fontWeight: theme.typography.fontWeightMedium,
        // Today's header is tinted: secondary text would fall below AA there.
        color: palette.cellText,
      },
      // The shading marks days of other months; their dates stay as readable
      // as any other (WCAG AA contrast), so no greyed-out text.
      '& .rbc-off-range': { color: theme.palette.text.primary },
      '& .rbc-off-range-bg': { background: shades.offRange },
      '& .rbc-today': { background: shades.today },
      '& .rbc-date-cell.rbc-now': {
        fontWeight: theme.typography.fontWeightBold,
        color: theme.palette.primary.main,
      },
      '& .rbc-button-link': { color: 'inherit', font: 'inherit' },
      '& .rbc-show-more': {
        color: theme.palette.primary.main,
        background: 'transparent',
      },
      '& .rbc-time-gutter, & .rbc-label': {
        color: theme.palette.text.secondary,
      },
      '& .rbc-current-time-indicator': {
        backgroundColor: theme.palette.secondary.main,
      },
      '& .rbc-event, & .rbc-day-slot .rbc-background-event': {
        fontSize: theme.typography.caption.fontSize,
        borderRadius: theme.shape.borderRadius,
        border: '1px solid',
        padding: theme.spacing(0.25, 0.75),
        '&:focus, &:focus-visible': {
          outline: `2px solid ${theme.palette.text.primary}`,
          outlineOffset: 1,
        },
      },
      '& .rbc-agenda-view table.rbc-agenda-table': {
        background: theme.palette.background.paper,
      },
      '& .rbc-agenda-view table.rbc-agenda-table thead > tr > th': {
        color: theme.palette.text.secondary,
        fontWeight: theme.typography.fontWeightMedium,
        padding: theme.spacing(1),
      },
      '& .rbc-agenda-view .rbc-agenda-empty': {
        padding: theme.spacing(2),
        color: theme.palette.text.secondary,
      },
      '& .rbc-overlay': {
        background: theme.palette.background.paper,
        border,
        boxShadow: theme.shadows[4],
      },
    },
    // Class names handed to react-big-calendar for our own kinds of events
    // and days; nested under root so they beat the library's selectors.
    hardFreeze: {},
    softFreeze: {},
    maintenance: {},
    deployment: {},
    failedDeployment: {},
    busy: {},
    cancelled: {},
    hardFreezeDay: {},
    softFreezeDay: {},
    kinds: {
      '& $hardFreeze, & $softFreeze': {
        color: palette.hardFreeze.text,
        background: theme.palette.background.paper,
        '& .rbc-event-content, & .rbc-event-label': label,
      },
      '& $hardFreeze': {
        backgroundImage: hatching(palette.hardFreeze.hatching),
        borderColor: palette.hardFreeze.border,
      },
      '& $softFreeze': {
        backgroundImage: hatching(palette.softFreeze.hatching),
        borderColor: palette.softFreeze.border,
        borderStyle: 'dashed',
      },
      '& $maintenance': {
        color: palette.maintenance.text,
        background: palette.maintenance.background,
        borderColor: palette.maintenance.border,
        borderStyle: 'dotted',
      },
      // Deployments are facts reported by pipelines, drawn as outlines so
      // they do not read as planned releases.
      '& $deployment': {
        color: palette.deployment.text,
        background: palette.deployment.background,
        border: `2px solid ${palette.deployment.border}`,
      },
      '& $failedDeployment': { borderColor: palette.failedDeployment.border },
      // Busy with something the viewer may not see: no colour of a status.
      '& $busy': {
        color: palette.busy.text,
        background: palette.busy.background,
        border: `1px dashed ${palette.busy.border}`,
        fontStyle: 'italic',
      },
      '& $cancelled': { textDecoration: 'line-through' },
      '& $hardFreezeDay': {
        backgroundImage: hatching(palette.hardFreeze.hatching),
      },
      '& $softFreezeDay': {
        backgroundImage: hatching(palette.softFreeze.hatching),
      },
      // The date of a frozen day stays readable above the lines.
      '& .rbc-date-cell .rbc-button-link': {
        background: theme.palette.background.paper,
        borderRadius: 2,
        padding: theme.spacing(0, 0.5),
      },
    },
  };
});

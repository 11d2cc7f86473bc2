import { makeStyles } from '@material-ui/core/styles';
import { cellShades } from './calendarPalette';
import { paletteOf } from './statusColours';
import { hatching } from './useCalendarStyles';

/** The timeline view in the colours and borders of the Backstage theme. */
export const useTimelineStyles = makeStyles(theme => {
  const palette = paletteOf(theme);
  return {
    root: {
      flex: 1,
      overflow: 'auto',
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
    },
    grid: {
      display: 'grid',
      minWidth: 'min-content',
    },
    header: {
      position: 'sticky',
      top: 0,
      zIndex: 2,
      background: theme.palette.background.paper,
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    dayHeader: {
      textAlign: 'center',
      padding: theme.spacing(0.5, 0),
      fontSize: theme.typography.caption.fontSize,
      color: theme.palette.text.secondary,
      lineHeight: 1.3,
    },
    today: {
      color: theme.palette.primary.main,
      fontWeight: theme.typography.fontWeightBold as number,
    },
    label: {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      background: theme.palette.background.paper,
      padding: theme.spacing(0.5, 1),
      borderRight: `1px solid ${theme.palette.divider}`,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      alignSelf: 'stretch',
      fontSize: theme.typography.body2.fontSize,
    },
    row: {
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    cell: {
      borderLeft: `1px solid ${theme.palette.divider}`,
    },
    weekend: {
      background: cellShades(theme).offRange,
    },
    hardFreeze: {
      backgroundImage: hatching(palette.hardFreeze.hatching),
    },
    softFreeze: {
      backgroundImage: hatching(palette.softFreeze.hatching),
    },
    bar: {
      zIndex: 1,
      margin: 2,
      padding: theme.spacing(0, 0.75),
      border: '1px solid',
      borderRadius: theme.shape.borderRadius,
      font: 'inherit',
      fontSize: theme.typography.caption.fontSize,
      textAlign: 'left',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      cursor: 'pointer',
      '&:focus-visible': {
        outline: `2px solid ${theme.palette.text.primary}`,
        outlineOffset: 1,
      },
    },
    freezeBar: {
      cursor: 'default',
      color: palette.hardFreeze.text,
      background: palette.hardFreeze.background,
    },
    hardFreezeBar: { borderColor: palette.hardFreeze.border },
    softFreezeBar: {
      borderColor: palette.softFreeze.border,
      borderStyle: 'dashed',
    },
    cancelled: { textDecoration: 'line-through' },
  };
});

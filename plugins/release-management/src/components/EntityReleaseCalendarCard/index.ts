export { EntityReleaseCalendarCard } from './EntityReleaseCalendarCard';

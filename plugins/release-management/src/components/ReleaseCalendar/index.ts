export { ReleaseCalendarPage } from './ReleaseCalendarPage';
export { ReleaseCalendar, type ReleaseCalendarProps } from './ReleaseCalendar';
export type { CalendarBaseQuery } from './calendarQuery';
export type { ReleaseCalendarView } from './calendarRange';

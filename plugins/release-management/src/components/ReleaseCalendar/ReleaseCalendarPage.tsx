// Placeholder until the view lands.
export const ReleaseCalendarPage = () => <div>ReleaseCalendarPage</div>;

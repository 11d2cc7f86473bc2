// Placeholder until the view lands.
export const ReleaseDetailPage = () => <div>ReleaseDetailPage</div>;

// Placeholder until the view lands.
export const FreezeWindowsPage = () => <div>FreezeWindowsPage</div>;

// Placeholder until the view lands.
export const ArchitectureExplorer = () => <div>ArchitectureExplorer</div>;

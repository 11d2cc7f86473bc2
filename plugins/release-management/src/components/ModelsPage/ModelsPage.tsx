// Placeholder until the view lands.
export const ModelsPage = () => <div>ModelsPage</div>;

// Placeholder until the view lands.
export const EntityReleasesContent = () => <div>EntityReleasesContent</div>;

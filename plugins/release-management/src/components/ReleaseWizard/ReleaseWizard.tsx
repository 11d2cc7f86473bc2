// Placeholder until the view lands.
export const ReleaseWizard = () => <div>ReleaseWizard</div>;

import { StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { plannedWindowOf, scopeOf, type WizardForm } from './wizardForm';
import { formatWindow } from '../shared/formatTime';

const WindowSummary = ({ form }: { form: WizardForm }) => {
  const { window } = plannedWindowOf(form);
  if (!window) return <>Not planned yet</>;
  // Shown in the zone it is planned in, as entered; the viewer's on hover.
  return (
    <span title={`Your time: ${formatWindow(window.start, window.end)}`}>
      {formatWindow(window.start, window.end, window.timeZone)}
    </span>
  );
};

/** Step 4: the release as it will be saved. */
export const ConfirmStep = ({ form }: { form: WizardForm }) => (
  <>
    <Typography variant="body2" paragraph>
      Check the release before saving it. It is saved as a draft; moving it on
      is done from the release page.
    </Typography>
    <StructuredMetadataTable
      metadata={{
        title: form.title,
        'version label': form.versionLabel,
        'release model': form.model,
        'planned window': <WindowSummary form={form} />,
        scope: scopeOf(form).map(item => `${item.entityRef} @ ${item.version}`),
        notes: form.notes || '—',
        visibility: form.restricted ? 'restricted' : 'normal',
      }}
    />
  </>
);

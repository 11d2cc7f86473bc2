import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ReleaseModel } from '@release-management/plugin-release-management-common';
import { repetitionInWords } from '../FreezeWindowsPage/recurrence';

function maintenanceWindowInWords(
  window: ReleaseModel['schedulingPolicy']['maintenanceWindows'][number],
): string {
  let repetition = window.rrule;
  try {
    repetition = repetitionInWords(window.rrule);
  } catch {
    // Shown as written when the rule cannot be read.
  }
  return `${window.title}: ${repetition} from ${window.startTime} for ${window.durationMinutes} minutes, ${window.timeZone}`;
}

/** Scheduling policy and maintenance windows of a model. */
export const SchedulingPolicyCard = ({ model }: { model: ReleaseModel }) => {
  const policy = model.schedulingPolicy;
  return (
    <InfoCard title="Scheduling policy">
      <StructuredMetadataTable
        metadata={{
          'minimum lead time': `${policy.minimumLeadTimeHours} hours`,
          'freezes may be overridden': policy.freezeOverrideAllowed
            ? 'yes, with a justification'
            : 'no',
          'max concurrent releases per system':
            policy.maxConcurrentReleasesPerSystem ?? 'no limit',
          'maintenance windows':
            policy.maintenanceWindows.length === 0
              ? 'none: any time'
              : policy.maintenanceWindows.map(maintenanceWindowInWords),
        }}
      />
    </InfoCard>
  );
};

/** Which entities the model is for, and the moves between statuses it allows. */
export const ApplicabilityCard = ({ model }: { model: ReleaseModel }) => {
  const selector = model.applicability;
  const criteria: Record<string, string | string[]> = {};
  for (const key of [
    'kinds',
    'types',
    'lifecycles',
    'systems',
    'owners',
    'tags',
  ] as const) {
    if (selector[key]?.length) criteria[key] = selector[key]!;
  }
  if (selector.annotations && Object.keys(selector.annotations).length > 0) {
    criteria.annotations = Object.entries(selector.annotations).map(
      ([k, v]) => `${k}=${v}`,
    );
  }
  return (
    <InfoCard title="Applicability">
      {Object.keys(criteria).length === 0 ? (
        <Typography variant="body2">
          Applies to any entity (priority {model.priority}); an entity can name
          a model with the release-management.io/model annotation.
        </Typography>
      ) : (
        <StructuredMetadataTable
          metadata={{ ...criteria, priority: model.priority }}
        />
      )}
    </InfoCard>
  );
};

export const TransitionsCard = ({ model }: { model: ReleaseModel }) => (
  <InfoCard title="Transitions">
    {model.transitions?.length ? (
      <ul aria-label="Transitions">
        {model.transitions.map(t => (
          <li key={`${t.from}-${t.to}`}>
            {t.from} → {t.to}
          </li>
        ))}
      </ul>
    ) : (
      <Typography variant="body2">The standard release lifecycle.</Typography>
    )}
  </InfoCard>
);

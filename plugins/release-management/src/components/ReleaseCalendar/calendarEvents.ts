import { parseEntityRef } from '@backstage/catalog-model';
import type {
  CalendarDeployment,
  CalendarRelease,
  CalendarResponse,
} from '@release-management/plugin-release-management-common';
import { formatWindow } from '../shared/formatTime';

/** A freeze occurrence as a calendar answer gives it. */
export type CalendarFreeze = CalendarResponse['freezes'][number];
/** A maintenance window occurrence as a calendar answer gives it. */
export type CalendarMaintenanceWindow =
  CalendarResponse['maintenanceWindows'][number];

type Timed = { key: string; title: string; start: Date; end: Date };

/** A release with a planned window, placed on the calendar. */
export type ReleaseEvent = Timed & {
  type: 'release';
  release: CalendarRelease;
};
/** A freeze occurrence, shaded on the calendar. */
export type FreezeEvent = Timed & { type: 'freeze'; freeze: CalendarFreeze };
/** A maintenance window occurrence, marked lightly. */
export type MaintenanceEvent = Timed & {
  type: 'maintenance';
  window: CalendarMaintenanceWindow;
};

/** A deployment a pipeline recorded, from its start to its end. */
export type DeploymentEvent = Timed & {
  type: 'deployment';
  deployment: CalendarDeployment;
};

/** A release the viewer may not read: its window, and nothing more. */
export type BusyEvent = Timed & {
  type: 'busy';
  busy: CalendarResponse['busy'][number];
};

/** Anything drawn on the release calendar. */
export type CalendarEvent =
  | ReleaseEvent
  | FreezeEvent
  | MaintenanceEvent
  | DeploymentEvent
  | BusyEvent;

/** What a busy block is called wherever it is shown. */
export const BUSY_LABEL = 'Busy: restricted release';

// A deployment still running, or reported without an end, gets a short
// bar so that it can be seen and clicked.
const OPEN_DEPLOYMENT_MINUTES = 15;

/** "Deployed cart-service 4.2.0 to production". */
export function deploymentLabel(deployment: CalendarDeployment): string {
  const verb = deployment.status === 'started' ? 'Deploying' : 'Deployed';
  return `${verb} ${parseEntityRef(deployment.entityRef).name} ${
    deployment.version
  } to ${deployment.environment}`;
}

/** "Basket sharing (cart 4.2)": how a release is named everywhere. */
export function releaseLabel(release: {
  title: string;
  versionLabel: string;
}): string {
  return `${release.title} (${release.versionLabel})`;
}

/** "Hard freeze: Christmas trading". */
export function freezeLabel(freeze: CalendarFreeze): string {
  const severity = freeze.severity === 'hard' ? 'Hard' : 'Soft';
  return `${severity} freeze: ${freeze.title}`;
}

/**
 * The calendar's answer as events. Releases without a planned window have
 * no place on a calendar and are left out.
 */
export function toCalendarEvents(response: CalendarResponse): {
  releases: ReleaseEvent[];
  freezes: FreezeEvent[];
  maintenance: MaintenanceEvent[];
  deployments: DeploymentEvent[];
  busy: BusyEvent[];
} {
  const releases: ReleaseEvent[] = [];
  for (const release of response.releases) {
    if (!release.plannedWindow) continue;
    releases.push({
      type: 'release',
      key: `release-${release.id}`,
      title: releaseLabel(release),
      start: new Date(release.plannedWindow.start),
      end: new Date(release.plannedWindow.end),
      release,
    });
  }
  const freezes: FreezeEvent[] = response.freezes.map(freeze => ({
    type: 'freeze',
    key: `freeze-${freeze.freezeWindowId}-${freeze.start}`,
    title: freezeLabel(freeze),
    start: new Date(freeze.start),
    end: new Date(freeze.end),
    freeze,
  }));
  const maintenance: MaintenanceEvent[] = response.maintenanceWindows.map(
    window => ({
      type: 'maintenance',
      key: `maintenance-${window.model}-${window.title}-${window.start}`,
      title: `Maintenance window: ${window.title}`,
      start: new Date(window.start),
      end: new Date(window.end),
      window,
    }),
  );
  const deployments: DeploymentEvent[] = response.deployments.map(
    deployment => {
      const start = new Date(deployment.startedAt);
      return {
        type: 'deployment',
        key: `deployment-${deployment.id}`,
        title: deploymentLabel(deployment),
        start,
        end: deployment.finishedAt
          ? new Date(deployment.finishedAt)
          : new Date(start.getTime() + OPEN_DEPLOYMENT_MINUTES * 60_000),
        deployment,
      };
    },
  );
  const busy: BusyEvent[] = (response.busy ?? []).map((block, i) => ({
    type: 'busy',
    key: `busy-${block.start}-${block.end}-${i}`,
    title: BUSY_LABEL,
    start: new Date(block.start),
    end: new Date(block.end),
    busy: block,
  }));
  return { releases, freezes, maintenance, deployments, busy };
}

const REASONS: Record<CalendarRelease['reason'], string> = {
  own: 'in scope',
  dependency: 'a dependency is in scope',
  dependent: 'a dependent is in scope',
  member: 'part of the system or domain',
  owned: 'owned by the group',
  all: '',
};

/** The hover text of an event: what it is and its window in its own zone. */
export function tooltipOf(event: CalendarEvent): string {
  switch (event.type) {
    case 'release': {
      const r = event.release;
      const why = REASONS[r.reason];
      return [
        `${event.title} — ${r.status}, model ${r.model}`,
        r.plannedWindow
          ? formatWindow(
              r.plannedWindow.start,
              r.plannedWindow.end,
              r.plannedWindow.timeZone,
            )
          : '',
        why && r.via ? `${why}: ${r.via}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'freeze': {
      const f = event.freeze;
      return [
        event.title,
        formatWindow(f.start, f.end, f.timeZone),
        f.explanation,
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'busy':
      return [
        `${BUSY_LABEL}: a release you may not see`,
        formatWindow(event.busy.start, event.busy.end),
      ].join('\n');
    case 'deployment': {
      const d = event.deployment;
      return [
        `${event.title} — ${d.status}`,
        d.entityRef,
        d.releaseId ? '' : 'no release covers it',
      ]
        .filter(Boolean)
        .join('\n');
    }
    default: {
      const w = event.window;
      return [
        `${event.title} (model ${w.model})`,
        formatWindow(w.start, w.end, w.timeZone),
      ].join('\n');
    }
  }
}

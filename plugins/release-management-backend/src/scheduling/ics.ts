import type { CalendarResponse } from '@release-management/plugin-release-management-common';
import ical, {
  ICalEventBusyStatus,
  ICalEventClass,
  ICalEventStatus,
} from 'ical-generator';

const STATUS: Record<string, ICalEventStatus> = {
  draft: ICalEventStatus.TENTATIVE,
  planned: ICalEventStatus.TENTATIVE,
  scheduled: ICalEventStatus.CONFIRMED,
  'in-progress': ICalEventStatus.CONFIRMED,
  deployed: ICalEventStatus.CONFIRMED,
  verified: ICalEventStatus.CONFIRMED,
  closed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  failed: ICalEventStatus.CONFIRMED,
  'rolled-back': ICalEventStatus.CONFIRMED,
};

/**
 * A calendar as RFC 5545 text, in UTC so every client places events
 * correctly without time zone definitions: releases with a planned window as events
 * (status, scope, a link back to Backstage) and freeze occurrences as
 * events, and the windows of releases the owner may not read as busy
 * blocks. UIDs are stable so clients update events instead of duplicating.
 */
export function renderIcs(
  title: string,
  calendar: CalendarResponse,
  appBaseUrl: string,
): string {
  const cal = ical({
    name: title,
    prodId: { company: 'release-management', product: 'backstage-plugin' },
  });
  for (const release of calendar.releases) {
    if (!release.plannedWindow) continue;
    const url = `${appBaseUrl}/release-management/releases/${release.id}`;
    cal.createEvent({
      id: `release-${release.id}@release-management`,
      start: new Date(release.plannedWindow.start),
      end: new Date(release.plannedWindow.end),
      summary: `${release.title} (${release.versionLabel}) [${release.status}]`,
      description: [
        `Status: ${release.status}`,
        `Model: ${release.model}`,
        `Planned in ${release.plannedWindow.timeZone}`,
        `Release manager: ${release.releaseManager}`,
        `Scope: ${release.scope.join(', ')}`,
        `On this calendar: ${release.reason}${
          release.via ? ` (${release.via})` : ''
        }`,
        url,
      ].join('\n'),
      url,
      status: STATUS[release.status],
      categories: [{ name: 'Release' }, { name: release.status }],
    });
  }
  // Releases the feed's owner may not read: busy, nothing more. Their UIDs
  // come from the window, the one thing shown, and two of them in the
  // same window are one busy block.
  for (const window of new Set(calendar.busy.map(b => `${b.start}/${b.end}`))) {
    const [start, end] = window.split('/');
    cal.createEvent({
      id: `busy-${start}-${end}@release-management`,
      start: new Date(start),
      end: new Date(end),
      summary: 'Busy: restricted release',
      class: ICalEventClass.CONFIDENTIAL,
      busystatus: ICalEventBusyStatus.BUSY,
      categories: [{ name: 'Release' }, { name: 'restricted' }],
    });
  }
  for (const freeze of calendar.freezes) {
    cal.createEvent({
      id: `freeze-${freeze.freezeWindowId}-${freeze.start}@release-management`,
      start: new Date(freeze.start),
      end: new Date(freeze.end),
      summary: `${
        freeze.severity === 'hard' ? 'Release freeze' : 'Soft freeze'
      }: ${freeze.title}`,
      description: `${freeze.explanation}`,
      categories: [{ name: 'Freeze' }, { name: freeze.severity }],
    });
  }
  return cal.toString();
}

import type {
  FreezeWindowDefinition,
  ReleaseReview,
  ReleaseStatus,
  ReleaseVisibility,
} from '@release-management/plugin-release-management-common';
import type { createReleaseRequestSchema } from '@release-management/plugin-release-management-common';
import type { DateTime } from 'luxon';
import type { z } from 'zod';

/** A demo release: what to create and the statuses to walk it through. */
export type DemoRelease = {
  request: Omit<
    z.output<typeof createReleaseRequestSchema>,
    'releaseManager' | 'visibility'
  > & { visibility?: ReleaseVisibility };
  path: ReleaseStatus[];
  review?: ReleaseReview;
};

/** The zone the sample organisation plans in. */
export const DEMO_ZONE = 'Europe/Oslo';
const ZONE = DEMO_ZONE;

function window(
  today: DateTime,
  dayOffset: number,
  hour: number,
  hours: number,
) {
  const start = today.plus({ days: dayOffset }).set({ hour });
  return {
    start: start.toUTC().toISO()!,
    end: start.plus({ hours }).toUTC().toISO()!,
    timeZone: ZONE,
  };
}

function ref(name: string, kind = 'component') {
  return `${kind}:default/${name}`;
}

/** Releases around `today` on the sample organisation's entities. */
export function demoReleases(today: DateTime): DemoRelease[] {
  return [
    {
      request: {
        model: 'normal',
        title: 'Basket sharing',
        versionLabel: 'cart 4.2',
        notes:
          '## Basket sharing\n\nShoppers can share a basket by link. Pricing recalculates shared baskets on open.',
        scope: [
          { entityRef: ref('cart-service'), version: '4.2.0' },
          { entityRef: ref('pricing-service'), version: '3.1.0' },
        ],
        plannedWindow: window(today, 3, 9, 2),
        phases: [],
      },
      path: ['planned', 'scheduled'],
    },
    {
      request: {
        model: 'major-phased',
        title: 'New card acquirer',
        versionLabel: 'payments 7.0',
        notes:
          '## New acquirer\n\nCard payments move to the new acquirer, ring by ring. Wallet payments are unchanged.',
        scope: [
          { entityRef: ref('payment-service'), version: '7.0.0' },
          { entityRef: ref('order-service'), version: '5.2.0' },
        ],
        plannedWindow: window(today, 10, 8, 8),
        phases: [
          { ring: 'staff', audiencePercent: 1, status: 'pending' },
          { ring: 'early adopters', audiencePercent: 10, status: 'pending' },
          { ring: 'everyone', audiencePercent: 100, status: 'pending' },
        ],
      },
      path: ['planned'],
    },
    {
      request: {
        model: 'standard',
        title: 'Search relevance tuning',
        versionLabel: 'search 2.8.1',
        notes: 'Boosts exact product-name matches.',
        scope: [{ entityRef: ref('search-service'), version: '2.8.1' }],
        plannedWindow: window(today, -2, 10, 1),
        phases: [],
      },
      path: [
        'planned',
        'scheduled',
        'in-progress',
        'deployed',
        'verified',
        'closed',
      ],
      review: {
        outcome: 'successful',
        incidentCount: 0,
        incidentLinks: [],
        lessons: 'Standard change went as planned.',
      },
    },
    {
      request: {
        model: 'emergency',
        title: 'Session token rotation fix',
        versionLabel: 'auth 9.4.1',
        notes: 'Fixes sessions expiring early after the token rotation.',
        scope: [{ entityRef: ref('auth-service'), version: '9.4.1' }],
        plannedWindow: window(today, -5, 14, 1),
        phases: [],
      },
      path: ['scheduled', 'in-progress', 'deployed', 'verified'],
    },
    {
      // Embargoed until it ships: the demo policy keeps it to its release
      // manager, the owners of payment-service and the release managers;
      // everyone else sees a busy window on payment-service.
      request: {
        model: 'normal',
        title: 'Card data exposure fix',
        versionLabel: 'payments 7.2.1',
        notes: 'Security fix; details under embargo until the release.',
        scope: [{ entityRef: ref('payment-service'), version: '7.2.1' }],
        plannedWindow: window(today, 9, 8, 2),
        phases: [],
        visibility: 'restricted',
      },
      path: ['planned'],
    },
    {
      request: {
        model: 'normal',
        title: 'Shipping labels v2',
        versionLabel: 'shipping 3.0',
        notes: 'New label format required by the main carrier from next month.',
        scope: [
          { entityRef: ref('shipping-service'), version: '3.0.0' },
          { entityRef: ref('carrier-gateway'), version: '1.9.0' },
        ],
        plannedWindow: window(today, 0, 7, 12),
        phases: [],
      },
      path: ['planned', 'scheduled', 'in-progress'],
    },
    {
      request: {
        model: 'major-phased',
        title: 'Storefront redesign',
        versionLabel: 'web-shop 12.0',
        notes: 'The new design system across the shop.',
        scope: [
          { entityRef: ref('web-shop'), version: '12.0.0' },
          { entityRef: ref('storefront-ui-kit'), version: '5.0.0' },
        ],
        plannedWindow: window(today, 20, 6, 6),
        phases: [],
      },
      path: [],
    },
    {
      request: {
        model: 'normal',
        title: 'Inventory sync batching',
        versionLabel: 'inventory 6.3',
        notes: 'Batches stock updates per warehouse.',
        scope: [{ entityRef: ref('inventory-service'), version: '6.3.0' }],
        plannedWindow: window(today, -8, 9, 2),
        phases: [],
      },
      path: ['planned', 'scheduled', 'in-progress', 'rolled-back', 'closed'],
      review: {
        outcome: 'rolled-back',
        incidentCount: 1,
        incidentLinks: ['https://status.fjordline.example/incidents/412'],
        lessons:
          'Batching starved the picking app of updates; test with realistic load.',
      },
    },
  ];
}

/** A weekly soft freeze and a hard year-end freeze for commerce. */
export function demoFreezeWindows(today: DateTime): FreezeWindowDefinition[] {
  const friday = today.set({ weekday: 5, hour: 15 });
  let yearEnd = today.set({ month: 12, day: 20 });
  if (yearEnd.plus({ days: 14 }) < today) {
    yearEnd = yearEnd.plus({ years: 1 });
  }
  return [
    {
      title: 'Friday afternoon',
      reason: 'No releases late on Fridays: fewer people around to help.',
      severity: 'soft',
      start: friday.toUTC().toISO()!,
      end: friday.set({ hour: 23, minute: 59 }).toUTC().toISO()!,
      timeZone: ZONE,
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      scope: { type: 'all' },
    },
    {
      title: 'Christmas trading freeze',
      reason: 'Peak trading: only emergency releases in commerce.',
      severity: 'hard',
      start: yearEnd.toUTC().toISO()!,
      end: yearEnd.plus({ days: 14 }).toUTC().toISO()!,
      timeZone: ZONE,
      scope: { type: 'domains', refs: ['domain:default/commerce'] },
    },
  ];
}

import type { MetricsGroupBy } from '@release-management/plugin-release-management-common';

/** The periods the dashboard offers, in days up to now. */
export const PERIODS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 180, label: 'Last 6 months' },
  { days: 365, label: 'Last 12 months' },
];

export const GROUPINGS: Array<{ value: MetricsGroupBy | ''; label: string }> = [
  { value: '', label: 'No grouping' },
  { value: 'system', label: 'System' },
  { value: 'domain', label: 'Domain' },
  { value: 'owner', label: 'Owner group' },
  { value: 'model', label: 'Release model' },
  { value: 'month', label: 'Month' },
];

/** [from, to) of a period ending now, to the minute so that re-renders ask the same. */
export function periodOf(days: number, now = Date.now()) {
  const to = new Date(Math.floor(now / 60_000) * 60_000);
  return {
    from: new Date(to.getTime() - days * 86_400_000).toISOString(),
    to: to.toISOString(),
  };
}

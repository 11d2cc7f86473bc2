import { METRIC_KEYS } from '@release-management/plugin-release-management-common';
import { METRIC_DEFINITIONS } from './definitions';
import {
  buildMetricSet,
  daysOfMonthInPeriod,
  emptyEntitySums,
  ratio,
  sumEntities,
} from './figures';

describe('metric figures', () => {
  it('defines every figure exactly once', () => {
    expect(METRIC_DEFINITIONS.map(d => d.key)).toEqual([...METRIC_KEYS]);
    for (const definition of METRIC_DEFINITIONS) {
      expect(definition.definition.length).toBeGreaterThan(40);
    }
  });

  it('makes a ratio null, not NaN or Infinity, when there is nothing to divide by', () => {
    expect(ratio(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(ratio(3, 0).value).toBeNull();
    expect(ratio(1, 3)).toEqual({
      value: 0.3333,
      numerator: 1,
      denominator: 3,
    });
  });

  it('gives an empty period null rates and zero counts', () => {
    const set = buildMetricSet({
      releases: {},
      entities: emptyEntitySums(),
      adoption: { components: 0, withModel: 0, releasedRecently: 0 },
      days: 0,
      pointInTime: true,
    });
    for (const key of [
      'successfulReleaseRate',
      'releaseIncidentRate',
      'scheduleAdherence',
      'meanSlipMinutes',
      'closedPerWeek',
      'meanBacklogAgeDays',
      'modelAdoption',
      'recentReleaseAdoption',
      'satisfaction',
      'ownerAlignment',
      'deploymentFrequency',
      'leadTimeHours',
      'changeFailureRate',
      'timeToRestoreHours',
    ] as const) {
      expect(set[key].value).toBeNull();
    }
    for (const key of [
      'releaseIncidents',
      'openBacklog',
      'gateOverrides',
      'freezeOverrides',
      'deploymentsWithoutRelease',
    ] as const) {
      expect(set[key].value).toBe(0);
    }
  });

  it('computes each figure from its aggregates', () => {
    const set = buildMetricSet({
      releases: {
        ended: 4,
        successful: 3,
        reviewed: 2,
        reviewedWithIncidents: 1,
        incidents: 5,
        windowed: 2,
        onSchedule: 1,
        slipMinutes: 30,
        closed: 6,
        deployed: 2,
        leadTimeHours: 60,
        gateOverrides: 1,
        ratings: 2,
        ratingSum: 7,
        notifiedOwners: 4,
        acknowledgedOwners: 3,
        openBacklog: 2,
        backlogAgeDays: 32,
      },
      entities: {
        ...emptyEntitySums(),
        succeededDeployments: 14,
        finishedDeployments: 16,
        failedDeployments: 2,
        restored: 1,
        restoreHours: 6,
        freezeOverrides: 1,
        deploymentsWithoutRelease: 3,
      },
      adoption: { components: 10, withModel: 8, releasedRecently: 4 },
      days: 14,
      pointInTime: true,
    });
    expect(set.successfulReleaseRate.value).toBe(0.75);
    expect(set.releaseIncidentRate.value).toBe(0.5);
    expect(set.releaseIncidents.value).toBe(5);
    expect(set.scheduleAdherence.value).toBe(0.5);
    expect(set.meanSlipMinutes.value).toBe(15);
    expect(set.closedPerWeek.value).toBe(3);
    expect(set.openBacklog.value).toBe(2);
    expect(set.meanBacklogAgeDays.value).toBe(16);
    expect(set.modelAdoption.value).toBe(0.8);
    expect(set.recentReleaseAdoption.value).toBe(0.4);
    expect(set.gateOverrides.value).toBe(1);
    expect(set.freezeOverrides.value).toBe(1);
    expect(set.deploymentsWithoutRelease.value).toBe(3);
    expect(set.satisfaction).toEqual({
      value: 3.5,
      numerator: 7,
      denominator: 2,
    });
    expect(set.ownerAlignment.value).toBe(0.75);
    expect(set.deploymentFrequency.value).toBe(1);
    expect(set.leadTimeHours.value).toBe(30);
    expect(set.changeFailureRate.value).toBe(0.125);
    expect(set.timeToRestoreHours.value).toBe(6);
  });

  it('leaves point-in-time figures out of month groups', () => {
    const set = buildMetricSet({
      releases: { openBacklog: 3, backlogAgeDays: 9 },
      entities: emptyEntitySums(),
      adoption: { components: 10, withModel: 8, releasedRecently: 4 },
      days: 31,
      pointInTime: false,
    });
    expect(set.openBacklog).toEqual({ value: null });
    expect(set.modelAdoption).toEqual({ value: null });
  });

  it('counts the days of a month that are in the period', () => {
    const from = new Date('2030-01-15T00:00:00Z');
    const to = new Date('2030-03-01T00:00:00Z');
    expect(daysOfMonthInPeriod('2030-01', from, to)).toBe(17);
    expect(daysOfMonthInPeriod('2030-02', from, to)).toBe(28);
    expect(daysOfMonthInPeriod('2030-03', from, to)).toBe(0);
  });

  it('sums entity aggregates per group', () => {
    const row = (entityRef: string, group: string, n: number) => ({
      ...emptyEntitySums(),
      entityRef,
      key: 'all',
      group,
      succeededDeployments: n,
    });
    const sums = sumEntities([
      row('component:default/a', 'system:default/s', 2),
      row('component:default/b', 'system:default/s', 3),
      row('component:default/c', 'system:default/t', 1),
    ]);
    expect(sums.get('system:default/s')?.succeededDeployments).toBe(5);
    expect(sums.get('system:default/t')?.succeededDeployments).toBe(1);
  });
});

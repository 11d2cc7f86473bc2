import {
  coveringRelease,
  LINKABLE_STATUSES,
  sameVersion,
  timeCovers,
  type CoverageCandidate,
} from './deploymentCoverage';
import { nextDeploymentStatus } from './deploymentStatus';

const release = (
  overrides: Partial<CoverageCandidate> = {},
): CoverageCandidate => ({
  id: 'r1',
  title: 'Cart',
  status: 'scheduled',
  plannedWindow: {
    start: '2030-01-07T09:00:00.000Z',
    end: '2030-01-07T11:00:00.000Z',
  },
  actualStart: null,
  actualEnd: null,
  scope: [{ entityRef: 'component:default/cart', version: '4.2.0' }],
  ...overrides,
});

describe('deployment coverage', () => {
  it('compares versions without a leading v', () => {
    expect(sameVersion('v4.2.0', '4.2.0')).toBe(true);
    expect(sameVersion('4.2.0', '4.2.1')).toBe(false);
    expect(sameVersion('vnext', 'next')).toBe(false);
  });

  it('covers the half-open planned window, and a running release until it ends', () => {
    const r = release();
    expect(timeCovers(r, '2030-01-07T09:00:00Z')).toBe(true);
    expect(timeCovers(r, '2030-01-07T11:00:00Z')).toBe(false);
    const late = release({
      status: 'deployed',
      actualStart: '2030-01-07T09:10:00Z',
      actualEnd: '2030-01-07T12:00:00Z',
    });
    expect(timeCovers(late, '2030-01-07T11:30:00Z')).toBe(true);
    expect(timeCovers(late, '2030-01-07T12:30:00Z')).toBe(false);
  });

  it('picks the release that got furthest', () => {
    const target = {
      entityRef: 'component:default/cart',
      version: '4.2.0',
      at: '2030-01-07T10:00:00Z',
    };
    expect(
      coveringRelease(
        [
          release({ id: 'a', status: 'scheduled' }),
          release({ id: 'b', status: 'in-progress' }),
          release({ id: 'c', status: 'planned' }),
        ],
        target,
        LINKABLE_STATUSES,
      )?.id,
    ).toBe('b');
    expect(
      coveringRelease([release({ status: 'planned' })], target, ['scheduled']),
    ).toBeUndefined();
  });

  it('never lets a late start replace an outcome', () => {
    expect(nextDeploymentStatus('succeeded', 'started')).toBe('succeeded');
    expect(nextDeploymentStatus('started', 'failed')).toBe('failed');
    expect(nextDeploymentStatus('succeeded', 'rolled-back')).toBe(
      'rolled-back',
    );
  });
});

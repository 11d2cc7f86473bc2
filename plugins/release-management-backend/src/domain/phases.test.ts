import type { ReleasePhase } from '@release-management/plugin-release-management-common';
import { advancePhase, exposureOf } from './phases';

const rings: ReleasePhase[] = [
  { ring: 'canary', audiencePercent: 1, status: 'pending' },
  { ring: 'early', audiencePercent: 20, status: 'pending' },
  { ring: 'everyone', audiencePercent: 100, status: 'pending' },
];

describe('phases', () => {
  it('records actual times as a ring starts, halts, resumes and completes', () => {
    const started = advancePhase(rings, 'canary', {
      status: 'in-progress',
      at: '2030-01-07T09:00:00Z',
    });
    expect(started).toMatchObject({
      ok: true,
      from: 'pending',
      to: 'in-progress',
      exposurePercent: 1,
    });
    if (!started.ok) throw new Error('expected a move');
    const halted = advancePhase(started.phases, 'canary', {
      status: 'halted',
      at: '2030-01-07T10:00:00Z',
    });
    if (!halted.ok) throw new Error('expected a move');
    expect(halted.phases[0]).toMatchObject({
      actualStart: '2030-01-07T09:00:00Z',
      actualEnd: '2030-01-07T10:00:00Z',
    });
    const resumed = advancePhase(halted.phases, 'canary', {
      status: 'in-progress',
      audiencePercent: 5,
      at: '2030-01-07T11:00:00Z',
    });
    if (!resumed.ok) throw new Error('expected a move');
    expect(resumed.phases[0]).toEqual({
      ring: 'canary',
      audiencePercent: 5,
      status: 'in-progress',
      actualStart: '2030-01-07T09:00:00Z',
    });
    expect(resumed.exposurePercent).toBe(5);
  });

  it('says why a move is refused', () => {
    expect(
      advancePhase(rings, 'canary', { status: 'completed', at: 'x' }),
    ).toEqual({
      ok: false,
      reason: 'not-allowed',
      message:
        'Ring "canary" is pending and cannot become completed; it may become in-progress',
    });
    expect(
      advancePhase(
        [{ ring: 'all', audiencePercent: 100, status: 'completed' }],
        'all',
        { status: 'in-progress', at: 'x' },
      ),
    ).toMatchObject({
      message:
        'Ring "all" is completed and cannot become in-progress; completed is final',
    });
    expect(
      advancePhase(rings, 'beta', { status: 'in-progress', at: 'x' }),
    ).toMatchObject({
      reason: 'no-such-ring',
      message:
        'The release has no ring "beta"; its rings are canary, early, everyone',
    });
  });

  it('exposes the widest opened ring', () => {
    expect(exposureOf(rings)).toBe(0);
    expect(
      exposureOf([
        { ring: 'a', audiencePercent: 10, status: 'completed' },
        { ring: 'b', audiencePercent: 50, status: 'halted' },
        { ring: 'c', audiencePercent: 100, status: 'pending' },
      ]),
    ).toBe(50);
  });
});

import { aRelease } from '../../testUtils';
import { chooseRelease, newestFirst } from './chooseRelease';

const at = (start: string) => ({
  start,
  end: start.replace('08:00', '10:00'),
  timeZone: 'UTC',
});

describe('chooseRelease', () => {
  it('picks the earliest release still to happen, unplanned ones last', () => {
    const releases = [
      aRelease({
        id: 'done',
        status: 'closed',
        plannedWindow: at('2030-01-01T08:00:00Z'),
      }),
      aRelease({ id: 'unplanned', status: 'draft', plannedWindow: null }),
      aRelease({
        id: 'later',
        status: 'planned',
        plannedWindow: at('2030-03-01T08:00:00Z'),
      }),
      aRelease({
        id: 'soon',
        status: 'scheduled',
        plannedWindow: at('2030-02-01T08:00:00Z'),
      }),
    ];
    expect(chooseRelease(releases)).toEqual({
      release: releases[3],
      which: 'next',
    });
    expect(chooseRelease([releases[0], releases[1]])?.release.id).toBe(
      'unplanned',
    );
  });

  it('falls back to the last release that happened', () => {
    const releases = [
      aRelease({
        id: 'old',
        status: 'closed',
        plannedWindow: at('2030-01-01T08:00:00Z'),
      }),
      aRelease({
        id: 'recent',
        status: 'failed',
        plannedWindow: at('2030-01-05T08:00:00Z'),
        actualStart: '2030-01-05T09:00:00Z',
      }),
    ];
    expect(chooseRelease(releases)).toEqual({
      release: releases[1],
      which: 'last',
    });
    expect(newestFirst(releases).map(r => r.id)).toEqual(['recent', 'old']);
  });

  it('has nothing to show for an entity without releases', () => {
    expect(chooseRelease([])).toBeUndefined();
  });
});

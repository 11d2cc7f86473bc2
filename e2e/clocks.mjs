// The instants the end-to-end suite runs at, besides now. The demo data is
// placed relative to the backend's clock and the calendar shows the
// browser's month, so each of these is a different screen: the suite must
// pass on all of them, not just on the day it happens to run.
export const clocks = [
  { id: 'now', name: 'now' },
  // Oslo springs forward at 01:00Z: half an hour before, the day has 23 hours.
  {
    id: 'dst-start',
    name: 'before DST starts in Oslo',
    at: '2027-03-28T00:30:00Z',
  },
  // Oslo falls back at 01:00Z: the day has 25 hours.
  {
    id: 'dst-end',
    name: 'before DST ends in Oslo',
    at: '2027-10-31T00:30:00Z',
  },
  // 23:30 on New Year's Eve in Oslo, inside the Christmas trading freeze.
  {
    id: 'new-year',
    name: "New Year's Eve 23:30 in Oslo",
    at: '2026-12-31T22:30:00Z',
  },
  { id: 'leap-day', name: 'leap day', at: '2028-02-29T11:00:00Z' },
  // 16:30 on a Friday in Oslo, inside the demo's weekly soft freeze.
  {
    id: 'friday-freeze',
    name: 'Friday afternoon freeze',
    at: '2027-01-08T15:30:00Z',
  },
];

/**
 * The clocks chosen with E2E_CLOCKS (comma-separated ids or ISO instants,
 * `all` for every one); by default all of them.
 */
export function selectedClocks(selection = process.env.E2E_CLOCKS) {
  if (!selection || selection === 'all') return clocks;
  return selection.split(',').map(item => {
    const name = item.trim();
    const known = clocks.find(c => c.id === name || c.at === name);
    if (known) return known;
    if (Number.isNaN(Date.parse(name))) {
      throw new Error(
        `E2E_CLOCKS: "${name}" is neither a clock id (${clocks
          .map(c => c.id)
          .join(', ')}) nor an instant`,
      );
    }
    return { id: name, name, at: new Date(name).toISOString() };
  });
}

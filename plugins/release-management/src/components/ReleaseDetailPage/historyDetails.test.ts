import { summarizeDetails } from './historyDetails';

describe('summarizeDetails', () => {
  it('puts history details in words rather than JSON', () => {
    const text = summarizeDetails({
      from: 'planned',
      to: 'scheduled',
      model: { name: 'normal', revision: 3 },
      scope: [
        { entityRef: 'component:default/a', version: '1.0' },
        { entityRef: 'component:default/b', version: '2.0' },
      ],
      checklist: [{ itemId: 'x' }, { itemId: 'y' }],
      reviewed: null,
      overrides: { justification: 'x' },
    });
    expect(text).toBe(
      [
        'from: planned',
        'to: scheduled',
        'model: normal (revision 3)',
        'scope: component:default/a@1.0, component:default/b@2.0',
        'checklist: 2 items',
        'reviewed: —',
        'overrides: { justification }',
      ].join(' · '),
    );
    expect(text).not.toContain('{"');
  });

  it('shortens long lists and values', () => {
    const scope = Array.from({ length: 5 }, (_, i) => ({
      entityRef: `component:default/c${i}`,
    }));
    expect(summarizeDetails({ scope })).toBe(
      'scope: component:default/c0, component:default/c1, component:default/c2 and 2 more',
    );
    expect(summarizeDetails({ notes: 'n'.repeat(200) })).toHaveLength(
      'notes: '.length + 80,
    );
  });

  it('shows windows and instants as times', () => {
    const text = summarizeDetails({
      plannedWindow: {
        start: '2030-01-07T08:00:00.000Z',
        end: '2030-01-07T10:00:00.000Z',
        timeZone: 'UTC',
      },
      at: '2030-01-07T08:00:00.000Z',
    });
    expect(text).not.toContain('2030-01-07T08:00');
    expect(text).toMatch(/^plannedWindow: .*2030.* · at: .*2030/);
  });
});

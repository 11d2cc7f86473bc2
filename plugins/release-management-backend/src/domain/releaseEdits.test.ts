import { draftRelease } from '../__testUtils__/fixtures';
import { changedFields } from './releaseEdits';

describe('release edits', () => {
  it('keeps only the fields an edit really changes', () => {
    const release = draftRelease({ title: 'Basket sharing', notes: '' });
    expect(
      changedFields(release, {
        title: 'Basket sharing',
        notes: 'Why',
        releaseManager: undefined,
      }),
    ).toEqual({
      fields: { notes: 'Why' },
      changes: { notes: { from: '', to: 'Why' } },
    });
  });
});

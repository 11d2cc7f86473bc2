import { mostCommonModel } from './useModelSuggestion';
import { anApplicableModel } from './testData';

describe('mostCommonModel', () => {
  it('suggests the model most entities call for, the first one on a tie', () => {
    expect(
      mostCommonModel([
        anApplicableModel({ model: 'minor' }),
        anApplicableModel({ model: 'normal' }),
        anApplicableModel({ model: 'normal' }),
        anApplicableModel({ model: null }),
      ]),
    ).toBe('normal');
    expect(
      mostCommonModel([
        anApplicableModel({ model: 'minor' }),
        anApplicableModel({ model: 'normal' }),
      ]),
    ).toBe('minor');
    expect(
      mostCommonModel([anApplicableModel({ model: null })]),
    ).toBeUndefined();
  });
});

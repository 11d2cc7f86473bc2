import { releaseModelDefinitionSchema } from '@release-management/plugin-release-management-common';
import { normalModel, normalModelInput } from '../__testUtils__/fixtures';
import {
  allowedTargets,
  currentStage,
  stagesCompletingWith,
} from './lifecycle';

describe('allowedTargets', () => {
  it('follows the standard lifecycle when the model lists no transitions', () => {
    expect(allowedTargets(normalModel, 'draft')).toEqual([
      'planned',
      'cancelled',
    ]);
    expect(allowedTargets(normalModel, 'in-progress')).toEqual([
      'deployed',
      'failed',
      'rolled-back',
    ]);
    expect(allowedTargets(normalModel, 'closed')).toEqual([]);
    expect(allowedTargets(normalModel, 'cancelled')).toEqual([]);
  });

  it('uses only the transitions a model lists', () => {
    const emergency = releaseModelDefinitionSchema.parse({
      ...normalModelInput,
      transitions: [
        { from: 'draft', to: 'scheduled' },
        { from: 'scheduled', to: 'in-progress' },
      ],
    });
    expect(allowedTargets(emergency, 'draft')).toEqual(['scheduled']);
    expect(allowedTargets(emergency, 'planned')).toEqual([]);
  });
});

describe('currentStage', () => {
  it('is the first stage whose gate the status has not passed', () => {
    expect(currentStage(normalModel, 'draft')?.key).toBe('plan');
    expect(currentStage(normalModel, 'planned')?.key).toBe('verify-components');
    expect(currentStage(normalModel, 'scheduled')?.key).toBe('execute');
    expect(currentStage(normalModel, 'in-progress')?.key).toBe('execute');
    expect(currentStage(normalModel, 'deployed')?.key).toBe('verify-release');
    expect(currentStage(normalModel, 'verified')?.key).toBe('review');
  });

  it('puts failed and rolled-back releases in the review and finished ones nowhere', () => {
    expect(currentStage(normalModel, 'failed')?.key).toBe('review');
    expect(currentStage(normalModel, 'rolled-back')?.key).toBe('review');
    expect(currentStage(normalModel, 'closed')).toBeUndefined();
    expect(currentStage(normalModel, 'cancelled')).toBeUndefined();
  });
});

describe('stagesCompletingWith', () => {
  it('returns every stage that guards a status', () => {
    expect(
      stagesCompletingWith(normalModel, 'scheduled').map(s => s.key),
    ).toEqual(['verify-components', 'verify-procedures']);
    expect(stagesCompletingWith(normalModel, 'in-progress')).toEqual([]);
  });
});

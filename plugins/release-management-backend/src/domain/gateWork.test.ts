import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { approvalDecision, checklistTick } from './gateWork';

const actor = {
  ref: 'user:default/rm',
  ownershipEntityRefs: ['user:default/rm', 'group:default/cab'],
};
const at = '2030-01-07T08:00:00.000Z';
describe('gate work', () => {
  it('records an approval from someone the gate accepts', () => {
    const { change, history } = approvalDecision(
      draftRelease(),
      normalModel,
      {
        stage: 'verify-procedures',
        gate: 'cab',
        decision: 'approve',
        comment: 'ok',
      },
      actor,
      at,
    );
    expect(change.approval).toMatchObject({
      stage: 'verify-procedures',
      gate: 'cab',
      approver: 'user:default/rm',
      decision: 'approve',
      comment: 'ok',
      at,
    });
    expect(history).toMatchObject({
      action: 'approved',
      details: { gate: 'cab' },
    });
  });

  it('refuses unknown stages and gates, and approvers the gate does not accept', () => {
    const decide = (request: object, who = actor) =>
      approvalDecision(
        draftRelease(),
        normalModel,
        { decision: 'approve', ...request } as any,
        who,
        at,
      );
    expect(() => decide({ stage: 'nope', gate: 'cab' })).toThrow(
      /has no stage "nope"; its stages are plan/,
    );
    expect(() => decide({ stage: 'verify-procedures', gate: 'nope' })).toThrow(
      /its gates are cab/,
    );
    expect(() =>
      decide(
        { stage: 'verify-procedures', gate: 'cab' },
        { ref: 'user:default/x', ownershipEntityRefs: ['user:default/x'] },
      ),
    ).toThrow(/must come from .*user:default\/x is not one of them/);
  });

  it('ticks a checklist item of whichever stage holds it', () => {
    const { change, history } = checklistTick(
      draftRelease(),
      normalModel,
      'rollback-plan',
      { done: true, note: 'tried on staging' },
      actor,
      at,
    );
    expect(change.checklist).toEqual({
      stage: 'verify-procedures',
      itemId: 'rollback-plan',
      done: true,
      by: 'user:default/rm',
      at,
      note: 'tried on staging',
    });
    expect(history.action).toBe('checklist-item-done');
    expect(() =>
      checklistTick(
        draftRelease(),
        normalModel,
        'nope',
        { done: true },
        actor,
        at,
      ),
    ).toThrow('Release model "normal" has no checklist item "nope"');
  });
});

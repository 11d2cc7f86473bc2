import { draftRelease, normalModel } from '../__testUtils__/fixtures';
import { evaluateGates } from './gates';

const approval = (
  gate: string,
  stage: string,
  approver: string,
  decision: 'approve' | 'reject' = 'approve',
  comment?: string,
) => ({
  id: `${gate}-${approver}`,
  stage,
  gate,
  approver,
  decision,
  at: '2030-01-01T00:00:00.000Z',
  ...(comment ? { comment } : {}),
});

const done = (stage: string, itemId: string) => ({
  stage,
  itemId,
  done: true,
  by: 'user:default/rm',
  at: '2030-01-01T00:00:00.000Z',
});

describe('evaluateGates', () => {
  it('opens the way to planned when scope and window are set', () => {
    expect(evaluateGates(draftRelease(), normalModel, 'planned')).toEqual([]);
  });

  it('names each automatic check that fails', () => {
    const failures = evaluateGates(
      draftRelease({ scope: [], plannedWindow: null }),
      normalModel,
      'planned',
    );
    expect(failures).toEqual([
      {
        stage: 'plan',
        kind: 'automatic-check',
        id: 'scope-not-empty',
        message: 'The release has no entities in its scope (stage "Plan")',
      },
      {
        stage: 'plan',
        kind: 'automatic-check',
        id: 'planned-window-set',
        message: 'The release has no planned window (stage "Plan")',
      },
    ]);
  });

  it('lists required checklist items and missing approvals of every stage guarding the status', () => {
    const failures = evaluateGates(
      draftRelease({ status: 'planned' }),
      normalModel,
      'scheduled',
    );
    expect(failures.map(f => `${f.stage}/${f.kind}/${f.id}`)).toEqual([
      'verify-components/checklist/tests-green',
      'verify-components/approval/owners',
      'verify-procedures/checklist/rollback-plan',
      'verify-procedures/approval/cab',
    ]);
    expect(failures[3].message).toBe(
      'Approval "Change advisory board" of stage "Verify procedures" needs 2 approval(s) from members of group:default/cab; it has 0',
    );
  });

  it('passes once items are done and enough approvals are given; optional items do not count', () => {
    const release = draftRelease({
      status: 'planned',
      checklist: [
        done('verify-components', 'tests-green'),
        done('verify-procedures', 'rollback-plan'),
      ],
      approvals: [
        approval('owners', 'verify-components', 'user:default/owner'),
        approval('cab', 'verify-procedures', 'user:default/a'),
        approval('cab', 'verify-procedures', 'user:default/b'),
      ],
    });
    expect(evaluateGates(release, normalModel, 'scheduled')).toEqual([]);
  });

  it('counts an item that was ticked and unticked again as not done', () => {
    const release = draftRelease({
      status: 'deployed',
      checklist: [{ ...done('verify-release', 'smoke-tested'), done: false }],
    });
    expect(evaluateGates(release, normalModel, 'verified')).toEqual([
      expect.objectContaining({ kind: 'checklist', id: 'smoke-tested' }),
    ]);
  });

  it('lets a rejection block the gate whatever the approvals, and quotes it', () => {
    const release = draftRelease({
      status: 'planned',
      checklist: [
        done('verify-components', 'tests-green'),
        done('verify-procedures', 'rollback-plan'),
      ],
      approvals: [
        approval('owners', 'verify-components', 'user:default/owner'),
        approval('cab', 'verify-procedures', 'user:default/a'),
        approval('cab', 'verify-procedures', 'user:default/b'),
        approval(
          'cab',
          'verify-procedures',
          'user:default/c',
          'reject',
          'no rollback test',
        ),
      ],
    });
    expect(evaluateGates(release, normalModel, 'scheduled')).toEqual([
      {
        stage: 'verify-procedures',
        kind: 'approval',
        id: 'cab',
        message:
          'Approval "Change advisory board" of stage "Verify procedures" was rejected by user:default/c ("no rollback test")',
      },
    ]);
  });

  it('requires the review before closing', () => {
    const verified = draftRelease({ status: 'verified' });
    expect(evaluateGates(verified, normalModel, 'closed')).toEqual([
      expect.objectContaining({ id: 'review-recorded' }),
    ]);
    const reviewed = draftRelease({
      status: 'verified',
      review: {
        outcome: 'successful',
        incidentCount: 0,
        incidentLinks: [],
        lessons: '',
      },
    });
    expect(evaluateGates(reviewed, normalModel, 'closed')).toEqual([]);
  });

  it('requires the review before closing even when the model does not ask for it, past any override', () => {
    const noReviewStage = {
      ...normalModel,
      stages: normalModel.stages.filter(stage => stage.key !== 'review'),
    };
    const failed = draftRelease({ status: 'failed' });
    expect(evaluateGates(failed, noReviewStage, 'closed')).toEqual([
      {
        stage: 'review',
        kind: 'automatic-check',
        id: 'review-recorded',
        message: expect.stringMatching(
          /only be closed once its post-implementation review/,
        ),
        overridable: false,
      },
    ]);
    // The model's own check is not named twice, and cannot be overridden.
    expect(evaluateGates(failed, normalModel, 'closed')).toEqual([
      expect.objectContaining({ id: 'review-recorded', overridable: false }),
    ]);
  });

  it('has no gates for statuses no stage guards', () => {
    expect(
      evaluateGates(
        draftRelease({ status: 'scheduled' }),
        normalModel,
        'in-progress',
      ),
    ).toEqual([]);
  });
});

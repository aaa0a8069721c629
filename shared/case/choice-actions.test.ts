import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './activity-log';
import { type Act, type CaseAction, caseFromActivity, recordAction } from './case-actions';
import type { CaseRecord } from './case-types';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function replay(acts: ReadonlyArray<Act & CaseAction>): Promise<CaseRecord> {
  let r: CaseRecord | undefined;
  for (const act of acts) r = await recordAction(r, act, sha256);
  return r!;
}

const at = (minute: number) => `2026-03-06T09:${String(minute).padStart(2, '0')}:00Z`;
const opened: Act & CaseAction = {
  time: at(0),
  actor: 'maria',
  action: 'case.opened',
  payload: { id: 'case-1', title: 'Refused offer', severity: 'high', owner: 'maria', decisionIds: ['d-7'] },
};

describe("the investigator's analytical choices in the case's chain", () => {
  it('keeps the onset set by hand, the decision and feature chosen and the threshold, in order and chained', async () => {
    const r = await replay([
      opened,
      {
        time: at(1),
        actor: 'maria',
        action: 'focus.set',
        payload: { decisionId: 'd-7', model: 'offers', featureName: 'risk_score' },
      },
      { time: at(2), actor: 'maria', action: 'onset.set', payload: { onset: '2026-03-01T12:00:00.000Z' } },
      { time: at(3), actor: 'tom', action: 'threshold.set', payload: { notifyThreshold: 250 } },
      { time: at(4), actor: 'tom', action: 'onset.set', payload: {} },
    ]);
    expect(r.activity.map((e) => [e.action, e.actor])).toEqual([
      ['case.opened', 'maria'],
      ['focus.set', 'maria'],
      ['onset.set', 'maria'],
      ['threshold.set', 'tom'],
      ['onset.set', 'tom'],
    ]);
    expect(r.case.featureName).toBe('risk_score');
    expect(caseFromActivity(r.activity)).toEqual(r.case);
    expect((await verifyChain(r.activity, sha256)).ok).toBe(true);
    // Changing the recorded onset afterwards breaks the chain.
    const forged = r.activity.map((e) => (e.seq === 3 ? { ...e, payload: { onset: '2026-02-01T00:00:00Z' } } : e));
    expect((await verifyChain(forged, sha256)).ok).toBe(false);
  });

  it('refuses a threshold that is not a positive whole number and a focus without its feature', async () => {
    const base = await replay([opened]);
    await expect(
      recordAction(
        base,
        { time: at(1), actor: 'maria', action: 'threshold.set', payload: { notifyThreshold: 0 } },
        sha256,
      ),
    ).rejects.toThrow(/positive whole number/);
    await expect(
      recordAction(
        base,
        { time: at(1), actor: 'maria', action: 'focus.set', payload: { decisionId: 'd-7', featureName: '' } },
        sha256,
      ),
    ).rejects.toThrow(/decision and a feature/);
  });
});

describe('verdicts on ranked changes', () => {
  it('keeps the latest verdict per change, a dismissal with its reason, in the chain', async () => {
    const judge = (minute: number, action: 'suspect.confirmed' | 'suspect.dismissed', id: string, reason = '') =>
      ({
        time: at(minute),
        actor: 'maria',
        action,
        payload: action === 'suspect.confirmed' ? { id, label: `commit ${id}` } : { id, label: `commit ${id}`, reason },
      }) as Act & CaseAction;
    const r = await replay([
      opened,
      judge(1, 'suspect.confirmed', 'c-1'),
      judge(2, 'suspect.dismissed', 'c-2', ' docs only, no code path '),
      judge(3, 'suspect.dismissed', 'c-1', 'reverted before the onset'),
    ]);
    expect(r.case.suspectVerdicts?.map((v) => [v.id, v.verdict, v.reason, v.time])).toEqual([
      ['c-2', 'dismissed', 'docs only, no code path', at(2)],
      ['c-1', 'dismissed', 'reverted before the onset', at(3)],
    ]);
    expect(caseFromActivity(r.activity)).toEqual(r.case);
    expect((await verifyChain(r.activity, sha256)).ok).toBe(true);
    await expect(recordAction(r, judge(4, 'suspect.dismissed', 'c-3', '  '), sha256)).rejects.toThrow(/needs a reason/);
  });
});

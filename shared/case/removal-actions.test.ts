import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './activity-log';
import { type Act, type CaseAction, caseFromActivity, recordAction } from './case-actions';
import type { CaseRecord } from './case-types';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let minute = 0;
/** The next action, a minute after the previous one. */
const at = (actor: string, act: CaseAction): Act & CaseAction => ({
  ...act,
  time: `2026-03-06T09:${String(minute++).padStart(2, '0')}:00Z`,
  actor,
});

async function replay(acts: ReadonlyArray<Act & CaseAction>): Promise<CaseRecord> {
  let r: CaseRecord | undefined;
  for (const act of acts) r = await recordAction(r, act, sha256);
  return r!;
}

const opened = () =>
  at('maria', {
    action: 'case.opened',
    payload: { id: 'case-1', title: 'Refused offer', severity: 'high', owner: 'maria', decisionIds: ['d-7'] },
  });
const note = (id: string, text: string) =>
  at('maria', {
    action: 'annotation.added',
    payload: { id, target: { kind: 'change', id: 'c-1' }, tags: ['suspect'], text },
  });
const pin = (id: string, line: number) =>
  at('tom', {
    action: 'evidence.pinned',
    payload: { id, label: `deploys.jsonl line ${line}`, evidence: { sourceId: 'deploys.jsonl', line } },
  });

describe('removing an annotation or a pin, and undoing it', () => {
  it('puts back the same annotation, with its author and time, in its place; both steps in the chain', async () => {
    minute = 0;
    const acts = [
      opened(),
      note('a-1', 'Merged without review'),
      note('a-2', 'Deployed on a Friday'),
      note('a-3', 'Staging skipped'),
    ];
    const before = (await replay(acts)).case.annotations;
    const removed = await replay([...acts, at('tom', { action: 'annotation.removed', payload: { id: 'a-2' } })]);
    expect(removed.case.annotations.map((a) => a.id)).toEqual(['a-1', 'a-3']);
    const undone = await replay([
      ...acts,
      at('tom', { action: 'annotation.removed', payload: { id: 'a-2' } }),
      at('tom', { action: 'annotation.restored', payload: { id: 'a-2' } }),
    ]);
    expect(undone.case.annotations).toEqual(before);
    expect(undone.activity.slice(-2).map((e) => [e.action, e.actor])).toEqual([
      ['annotation.removed', 'tom'],
      ['annotation.restored', 'tom'],
    ]);
    expect(await verifyChain(undone.activity, sha256)).toEqual({ ok: true, entries: undone.activity.length });
    expect(caseFromActivity(undone.activity)).toEqual(undone.case);
  });

  it('unpins and pins back the same evidence; a pin never removed cannot be put back', async () => {
    minute = 0;
    const acts = [opened(), pin('p-1', 2), pin('p-2', 9)];
    const unpinned = await replay([...acts, at('maria', { action: 'evidence.unpinned', payload: { id: 'p-1' } })]);
    expect(unpinned.case.pinnedEvidence.map((p) => p.evidence.line)).toEqual([9]);
    const repinned = await recordAction(
      unpinned,
      at('maria', { action: 'evidence.repinned', payload: { id: 'p-1' } }),
      sha256,
    );
    expect(repinned.case.pinnedEvidence.map((p) => [p.evidence.line, p.pinnedBy])).toEqual([
      [2, 'tom'],
      [9, 'tom'],
    ]);
    await expect(
      recordAction(repinned, at('maria', { action: 'evidence.repinned', payload: { id: 'p-2' } }), sha256),
    ).rejects.toThrow('Evidence p-2 was not unpinned.');
    await expect(
      recordAction(repinned, at('maria', { action: 'annotation.removed', payload: { id: 'nope' } }), sha256),
    ).rejects.toThrow('No annotation nope.');
  });
});

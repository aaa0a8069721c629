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

const opened: Act & CaseAction = {
  time: '2026-03-06T09:00:00Z',
  actor: 'maria',
  action: 'case.opened',
  payload: { id: 'case-1', title: 'Refused offer', severity: 'high', owner: 'maria', decisionIds: ['d-7'] },
};
const star = (id: string, minute: number, actor = 'maria'): Act & CaseAction => ({
  time: `2026-03-06T09:${String(minute).padStart(2, '0')}:00Z`,
  actor,
  action: 'timeline.starred',
  payload: {
    id,
    kind: 'deployment',
    label: `Deployed to production (${id})`,
    entryTime: '2026-03-03T10:00:00Z',
    evidence: { sourceId: 'deploys.jsonl', line: 2 },
  },
});

describe('starring and tagging timeline entries', () => {
  it('keeps the starred entries in order, with who starred them, in the hash-chained log', async () => {
    const r = await replay([
      opened,
      star('deployment:d-prod', 10),
      star('audit:a-7', 11, 'tom'),
      {
        time: '2026-03-06T09:12:00Z',
        actor: 'tom',
        action: 'timeline.unstarred',
        payload: { id: 'deployment:d-prod' },
      },
      {
        time: '2026-03-06T09:13:00Z',
        actor: 'tom',
        action: 'timeline.tagged',
        payload: { id: 'audit:a-7', tags: [' manual ', 'prod', 'manual', ''] },
      },
    ]);
    expect(r.case.starredEvidence?.map((s) => [s.id, s.starredBy, s.time])).toEqual([
      ['audit:a-7', 'tom', '2026-03-06T09:11:00Z'],
    ]);
    expect(r.case.timelineTags).toEqual([{ id: 'audit:a-7', tags: ['manual', 'prod'] }]);
    expect(r.activity.map((e) => e.action)).toEqual([
      'case.opened',
      'timeline.starred',
      'timeline.starred',
      'timeline.unstarred',
      'timeline.tagged',
    ]);
    expect(await verifyChain(r.activity, sha256)).toMatchObject({ ok: true });
    expect(caseFromActivity(r.activity)).toEqual(r.case);
  });

  it('removing every tag forgets the entry’s tags', async () => {
    const tag = (tags: string[], minute: number): Act & CaseAction => ({
      time: `2026-03-06T09:${minute}:00Z`,
      actor: 'maria',
      action: 'timeline.tagged',
      payload: { id: 'run:r1', tags },
    });
    const r = await replay([opened, tag(['late'], 20), tag([], 21)]);
    expect(r.case.timelineTags).toEqual([]);
  });

  it('refuses to star an entry twice or unstar one that is not starred, naming the entry', async () => {
    const r = await replay([opened, star('deployment:d-prod', 10)]);
    await expect(recordAction(r, star('deployment:d-prod', 11), sha256)).rejects.toThrow(
      'Timeline entry deployment:d-prod is already starred.',
    );
    await expect(
      recordAction(
        r,
        { time: '2026-03-06T09:12:00Z', actor: 'tom', action: 'timeline.unstarred', payload: { id: 'audit:a-9' } },
        sha256,
      ),
    ).rejects.toThrow('Timeline entry audit:a-9 is not starred.');
  });
});

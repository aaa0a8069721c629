import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './activity-log';
import { caseFromActivity, recordAction, timeToRootCause } from './case-actions';
import type { CaseRecord } from './case-types';
import { checkCitations, citedSources } from './citations';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function sampleCase(): Promise<CaseRecord> {
  let r = await recordAction(
    undefined,
    {
      time: '2026-03-02T09:00:00Z',
      actor: 'maria',
      action: 'case.opened',
      payload: { id: 'case-1', title: 'Refused offer', severity: 'high', owner: 'maria', decisionIds: ['d-7'] },
    },
    sha256,
  );
  r = await recordAction(
    r,
    { time: '2026-03-02T09:05:00Z', actor: 'maria', action: 'step.completed', payload: { step: 'identify' } },
    sha256,
  );
  r = await recordAction(
    r,
    {
      time: '2026-03-02T09:06:00Z',
      actor: 'maria',
      action: 'step.skipped',
      payload: { step: 'scope', reason: 'one subject only' },
    },
    sha256,
  );
  r = await recordAction(
    r,
    {
      time: '2026-03-02T09:30:00Z',
      actor: 'tom',
      action: 'annotation.added',
      payload: { id: 'n1', target: { kind: 'change', id: 'abc' }, tags: ['suspect'], text: 'threshold in cents' },
    },
    sha256,
  );
  return recordAction(
    r,
    {
      time: '2026-03-02T11:15:00Z',
      actor: 'maria',
      action: 'root-cause.confirmed',
      payload: { statement: 'The LTV threshold was changed to cents.', changeIds: ['abc'] },
    },
    sha256,
  );
}

describe('a case and its hash-chained activity log', () => {
  it('records every action, derives the case from its log, and measures time-to-root-cause', async () => {
    const r = await sampleCase();
    expect(r.activity.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(r.activity[1]?.prevHash).toBe(r.activity[0]?.hash);
    expect(caseFromActivity(r.activity)).toEqual(r.case);
    expect(r.case.steps.find((s) => s.step === 'identify')?.completedAt).toBe('2026-03-02T09:05:00Z');
    expect(r.case.steps.find((s) => s.step === 'scope')?.skippedReason).toBe('one subject only');
    expect(r.case.annotations[0]).toMatchObject({ author: 'tom', time: '2026-03-02T09:30:00Z', tags: ['suspect'] });
    expect(r.case.status).toBe('root-cause-confirmed');
    expect(timeToRootCause(r.case)).toBe(2 * 3_600_000 + 15 * 60_000);
    expect(await verifyChain(r.activity, sha256)).toEqual({ ok: true, entries: 5 });
  });

  it('refuses to skip a step without a reason', async () => {
    const r = await sampleCase();
    await expect(
      recordAction(
        r,
        { time: 't', actor: 'x', action: 'step.skipped', payload: { step: 'trace', reason: ' ' } },
        sha256,
      ),
    ).rejects.toThrow(/only with a reason/);
  });

  it('names the first tampered entry: an edited payload, a removed entry, a forged hash', async () => {
    const { activity } = await sampleCase();
    const edited = activity.map((e) =>
      e.seq === 4 ? { ...e, payload: { ...(e.payload as object), text: 'nothing' } } : e,
    );
    const v1 = await verifyChain(edited, sha256);
    expect(v1).toMatchObject({ ok: false, index: 3, seq: 4 });
    expect(!v1.ok && v1.reason).toMatch(/activity entry 4 hash expected/);

    const removed = activity.filter((e) => e.seq !== 2);
    expect(await verifyChain(removed, sha256)).toMatchObject({ ok: false, index: 1 });

    // Re-hashing the edited entry does not help: the next entry's prevHash no longer matches.
    const target = edited[3]!;
    const { hash: _old, ...rest } = target;
    const rehashed = edited.map((e, i) => (i === 3 ? { ...rest, hash: sha256(JSON.stringify(rest)) } : e));
    const v3 = await verifyChain(rehashed, sha256);
    expect(v3).toMatchObject({ ok: false, index: 3 });
  });

  it('flags a cited source whose file changed since import', async () => {
    const sources = citedSources(
      [{ sourceId: 'aaa', line: 12 }, { sourceId: 'aaa', line: 3 }, { sourceId: 'bbb', pointer: '/0' }, undefined],
      { aaa: 'decisions.jsonl', bbb: 'pull-requests.json' },
    );
    expect(sources.map((s) => [s.name, s.lines])).toEqual([
      ['decisions.jsonl', [3, 12]],
      ['pull-requests.json', []],
    ]);
    const now: Record<string, string | undefined> = { 'decisions.jsonl': 'ccc', 'pull-requests.json': 'bbb' };
    const problems = await checkCitations(sources, (s) => now[s.name]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(
      'decisions.jsonl: cited source changed on disk (expected SHA-256 aaa, actual ccc)',
    );
    expect(problems[0]?.message).toContain('; 2 citations in it no longer match');
    const one = await checkCitations(
      citedSources([{ sourceId: 'bbb', pointer: '/0' }], { bbb: 'pull-requests.json' }),
      () => 'ddd',
    );
    expect(one[0]?.message).toContain('; 1 citation in it no longer matches');
  });
});

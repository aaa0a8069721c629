import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useReviewer } from '../case/reviewer-store';
import { db } from '../db/instance';
import { summarize } from './cases-store';
import { useCaseLog } from './case-log-store';
import { createCase, listCasesWithActivity, readActivity } from '../db/case-log';

beforeEach(async () => {
  useReviewer.getState().setName('Maria Keller');
  await createCase(db, { id: 'c1', title: 'Refused offer', description: '', sourceIds: [], owner: 'Maria Keller' });
  await useCaseLog.getState().load('c1');
});
afterEach(async () => {
  useCaseLog.getState().reset();
  await db.cases.clear();
  await db.activity.clear();
});

describe('the open case’s record', () => {
  it('records each action as the reviewer, verified with Web Crypto, and the case list shows the result', async () => {
    const { record } = useCaseLog.getState();
    expect(await record({ action: 'case.updated', payload: { severity: 'critical' } })).toBe(true);
    expect(await record({ action: 'step.completed', payload: { step: 'identify' } })).toBe(true);
    expect(await record({ action: 'step.skipped', payload: { step: 'scope', reason: 'one subject only' } })).toBe(true);

    const s = useCaseLog.getState();
    expect(s.chain).toEqual({ ok: true, entries: 4 });
    expect(s.activity.map((e) => e.actor)).toEqual(Array(4).fill('Maria Keller'));
    expect(s.case).toMatchObject({ severity: 'critical', owner: 'Maria Keller' });

    // Reopening (a restart) reads the same case back from the database and verifies its chain.
    useCaseLog.getState().reset();
    await useCaseLog.getState().load('c1');
    expect(useCaseLog.getState().chain).toEqual({ ok: true, entries: 4 });
    const [row] = (await listCasesWithActivity(db)).map(summarize);
    expect(row?.case?.steps.filter((x) => x.completedAt || x.skippedReason).map((x) => x.step)).toEqual([
      'identify',
      'scope',
    ]);
  });

  it('on opening a tampered case, names the first broken entry and records nothing', async () => {
    const { record } = useCaseLog.getState();
    await record({ action: 'case.updated', payload: { owner: 'Tom' } });
    await record({ action: 'step.completed', payload: { step: 'identify' } });
    const entry = (await db.activity.get(['c1', 2]))!;
    await db.activity.put({ ...entry, payload: { owner: 'Mallory' } });

    await useCaseLog.getState().load('c1');
    const s = useCaseLog.getState();
    expect(s.chain).toMatchObject({ ok: false, seq: 2 });
    expect(s.chain?.ok === false && s.chain.reason).toMatch(/^activity entry 2 hash expected/);
    expect(await s.record({ action: 'step.completed', payload: { step: 'scope' } })).toBe(false);
    expect(await readActivity(db, 'c1')).toHaveLength(3);
  });

  it('says why an action the case cannot take was not recorded', async () => {
    expect(
      await useCaseLog
        .getState()
        .record({ action: 'root-cause.confirmed', payload: { statement: ' ', changeIds: [] } }),
    ).toBe(false);
    expect(useCaseLog.getState().error).toMatch(/needs a statement/);
  });
});

describe('the re-check of cited sources', () => {
  it('runs once per opening, and again when the case is closed and reopened', async () => {
    let runs = 0;
    const report = { problems: [], unchanged: [], notChecked: [] };
    const check = async () => (runs++, report);
    await useCaseLog.getState().checkCitations('c1', check);
    await useCaseLog.getState().checkCitations('c1', check);
    expect(runs).toBe(1);
    expect(useCaseLog.getState().citations).toEqual({ status: 'done', report });
    // Another case's check is not this one's.
    await useCaseLog.getState().checkCitations('other', check);
    expect(runs).toBe(1);

    useCaseLog.getState().reset();
    expect(useCaseLog.getState().citations).toBeUndefined();
    await useCaseLog.getState().load('c1');
    await useCaseLog.getState().checkCitations('c1', async () => {
      throw new Error('bridge closed');
    });
    expect(useCaseLog.getState().citations).toEqual({
      status: 'failed',
      error: 'Could not re-check the cited sources: bridge closed',
    });
  });
});

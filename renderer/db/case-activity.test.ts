/* eslint-disable no-restricted-imports -- a Node-side unit test hashes with node:crypto to check Web Crypto's chain */
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/case/activity-log';
import { caseFromActivity, timeToRootCause } from '../../shared/case/case-actions';
import { LineageDb } from './lineage-db';
import { MIGRATED_ACTOR } from './migrate-case';
import { createCase, listCasesWithActivity, readActivity, recordCaseAction } from './case-log';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const at = (time: string, actor = 'maria') => ({ time, actor });

let db: LineageDb;
let name: string;
let n = 0;
beforeEach(() => {
  n += 1;
  name = `case-activity-test-${n}`;
  db = new LineageDb(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function openedCase() {
  await createCase(db, {
    id: 'c1',
    title: 'Refused offer',
    description: '',
    sourceIds: [],
    decisionId: 'd-7',
    createdAt: '2026-03-02T09:00:00.000Z',
    severity: 'high',
    owner: 'maria',
  });
}

describe('a case on its hash-chained activity log', () => {
  it('records actions in order, chains them (Web Crypto = node:crypto), and folds them into the case', async () => {
    await openedCase();
    await recordCaseAction(db, 'c1', {
      ...at('2026-03-02T09:05:00Z'),
      action: 'step.completed',
      payload: { step: 'identify' },
    });
    await recordCaseAction(db, 'c1', {
      ...at('2026-03-02T09:06:00Z', 'tom'),
      action: 'step.skipped',
      payload: { step: 'scope', reason: 'one subject only' },
    });
    await recordCaseAction(db, 'c1', {
      ...at('2026-03-02T09:10:00Z'),
      action: 'case.updated',
      payload: { owner: 'tom' },
    });
    const confirmed = await recordCaseAction(db, 'c1', {
      ...at('2026-03-02T11:00:00Z'),
      action: 'root-cause.confirmed',
      payload: { statement: 'Threshold changed to cents.', changeIds: ['abc123'] },
    });

    const log = await readActivity(db, 'c1');
    expect(log.map((e) => e.action)).toEqual([
      'case.opened',
      'step.completed',
      'step.skipped',
      'case.updated',
      'root-cause.confirmed',
    ]);
    expect(await verifyChain(log, nodeSha256)).toEqual({ ok: true, entries: 5 });
    const c = caseFromActivity(log);
    expect(c).toEqual(confirmed.case);
    expect(c).toMatchObject({ owner: 'tom', severity: 'high', status: 'root-cause-confirmed', decisionIds: ['d-7'] });
    expect(c.steps.find((s) => s.step === 'scope')).toMatchObject({ skippedReason: 'one subject only' });
    expect(timeToRootCause(c)).toBe(2 * 3_600_000);
  });

  it('refuses a skip without a reason and records nothing', async () => {
    await openedCase();
    await expect(
      recordCaseAction(db, 'c1', { ...at('t'), action: 'step.skipped', payload: { step: 'trace', reason: '  ' } }),
    ).rejects.toThrow(/only with a reason/);
    expect(await readActivity(db, 'c1')).toHaveLength(1);
  });

  it('detects a tampered stored entry, names it, and records nothing more on the broken chain', async () => {
    await openedCase();
    await recordCaseAction(db, 'c1', {
      ...at('2026-03-02T09:30:00Z'),
      action: 'annotation.added',
      payload: { id: 'a1', target: { kind: 'node', id: 'job:feature' }, tags: ['suspect'], text: 'threshold in cents' },
    });
    await recordCaseAction(db, 'c1', {
      ...at('2026-03-02T09:40:00Z'),
      action: 'step.completed',
      payload: { step: 'identify' },
    });
    // Someone edits the annotation's text in the stored database.
    const stored = (await db.activity.get(['c1', 2]))!;
    await db.activity.put({ ...stored, payload: { ...(stored.payload as object), text: 'nothing to see' } });

    const verdict = await verifyChain(await readActivity(db, 'c1'), nodeSha256);
    expect(verdict).toMatchObject({ ok: false, index: 1, seq: 2 });
    expect(!verdict.ok && verdict.reason).toMatch(/activity entry 2 hash expected/);
    await expect(
      recordCaseAction(db, 'c1', { ...at('t'), action: 'step.completed', payload: { step: 'scope' } }),
    ).rejects.toThrow(/broken \(activity entry 2 hash expected/);
    expect(await readActivity(db, 'c1')).toHaveLength(3);
  });
});

describe('upgrading a database of schema 2', () => {
  it('turns each stored case, its completed steps and its notes into a verified activity log; nothing is lost', async () => {
    db.close();
    const v2 = new Dexie(name);
    v2.version(1).stores({
      sources: 'id, name, detected',
      recordChunks: '[sourceId+kind+seq], sourceId',
      cases: 'id, createdAt',
      notes: '++id, caseId',
    });
    v2.version(2).stores({ sources: 'id, name, detected, status', sourceIssues: 'sourceId' });
    await v2.table('cases').bulkAdd([
      {
        id: 'old-case',
        title: 'Eligible customers rejected',
        description: 'Escalated by support',
        createdAt: '2026-11-21T08:00:00.000Z',
        decisionId: 'd-42',
        featureName: 'eligibility_flag',
        sourceIds: ['s1'],
        steps: {
          identify: { completedAt: '2026-11-21T08:30:00.000Z' },
          scope: {},
          trace: { completedAt: '2026-11-21T09:00:00.000Z' },
        },
      },
      {
        id: 'empty',
        title: 'Nothing yet',
        description: '',
        createdAt: '2026-11-22T08:00:00.000Z',
        sourceIds: [],
        steps: {},
      },
    ]);
    await v2.table('notes').bulkAdd([
      { caseId: 'old-case', text: 'Flag flipped on the 18th', createdAt: '2026-11-21T08:45:00.000Z' },
      { caseId: 'old-case', text: 'Second look', createdAt: '2026-11-21T09:30:00.000Z' },
    ]);
    v2.close();

    db = new LineageDb(name);
    const cases = await listCasesWithActivity(db);
    expect(cases.map((c) => c.record.id)).toEqual(['empty', 'old-case']);
    const old = cases[1]!;
    expect(old.record).not.toHaveProperty('steps');
    expect(old.record).toMatchObject({ description: 'Escalated by support', decisionId: 'd-42', sourceIds: ['s1'] });
    expect(old.activity.map((e) => e.action)).toEqual([
      'case.opened',
      'step.completed',
      'annotation.added',
      'step.completed',
      'annotation.added',
    ]);
    expect(old.activity.every((e) => e.actor === MIGRATED_ACTOR)).toBe(true);
    expect(await verifyChain(old.activity, nodeSha256)).toEqual({ ok: true, entries: 5 });
    const c = caseFromActivity(old.activity);
    expect(c).toMatchObject({
      title: 'Eligible customers rejected',
      openedAt: '2026-11-21T08:00:00.000Z',
      decisionIds: ['d-42'],
    });
    expect(c.steps.filter((s) => s.completedAt).map((s) => [s.step, s.completedAt])).toEqual([
      ['identify', '2026-11-21T08:30:00.000Z'],
      ['trace', '2026-11-21T09:00:00.000Z'],
    ]);
    expect(c.annotations.map((a) => [a.text, a.time, a.tags])).toEqual([
      ['Flag flipped on the 18th', '2026-11-21T08:45:00.000Z', ['note']],
      ['Second look', '2026-11-21T09:30:00.000Z', ['note']],
    ]);
    expect(caseFromActivity(cases[0]!.activity).steps.every((s) => !s.completedAt)).toBe(true);
    expect(db.tables.map((t) => t.name)).not.toContain('notes');
    // The migrated log takes new actions.
    await recordCaseAction(db, 'old-case', {
      ...at('2026-11-23T10:00:00Z'),
      action: 'step.completed',
      payload: { step: 'scope' },
    });
    expect(await verifyChain(await readActivity(db, 'old-case'), nodeSha256)).toEqual({ ok: true, entries: 6 });
  });
});

describe("a case opened on a decision whose model is known (two models' logs may share its id)", () => {
  it('records the model in its case.opened entry and in the case folded from the log; a case without one has none', async () => {
    const opened = { description: '', sourceIds: [], decisionId: 'd-7', createdAt: '2026-03-02T09:00:00.000Z' };
    await createCase(db, { ...opened, id: 'c-fraud', title: 'Held payment', decisionModel: 'payment-fraud' });
    await createCase(db, { ...opened, id: 'c-old', title: 'Refused offer' });
    const [fraud] = await readActivity(db, 'c-fraud');
    expect(fraud?.payload).toMatchObject({ decisionIds: ['d-7'], decisionModel: 'payment-fraud' });
    expect(caseFromActivity(await readActivity(db, 'c-fraud')).decisionModel).toBe('payment-fraud');
    const old = await readActivity(db, 'c-old');
    expect(old[0]?.payload).not.toHaveProperty('decisionModel');
    expect(caseFromActivity(old).decisionModel).toBeUndefined();
    expect((await verifyChain(await readActivity(db, 'c-fraud'), nodeSha256)).ok).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/case/activity-log';
import { createCase, readActivity, recordCaseAction } from '../db/case-log';
import { db } from '../db/instance';
import { useCases } from '../stores/cases-store';
import { useReviewer } from './reviewer-store';
import { recordLifecycle } from './case-lifecycle';
import { searchCases } from './case-search';
import { webSha256 } from './web-sha256';

const rows = () => useCases.getState().cases;
const titles = (cases: ReturnType<typeof rows>) => cases.map((c) => c.case?.title);

beforeEach(async () => {
  useReviewer.getState().setName('Maria Keller');
  await createCase(db, { id: 'c1', title: 'Refused offer', description: '', sourceIds: [], owner: 'Maria Keller' });
  await createCase(db, {
    id: 'c2',
    title: 'Fraud score jump',
    description: 'After the EU release',
    sourceIds: [],
    owner: 'Tom Berger',
  });
  await recordCaseAction(db, 'c2', {
    action: 'annotation.added',
    payload: { id: 'a-1', target: { kind: 'finding', id: 'c2' }, tags: ['threshold'], text: 'The cents bug again' },
    time: '2026-03-06T10:00:00Z',
    actor: 'Tom Berger',
  });
  await useCases.getState().refresh();
});
afterEach(async () => {
  await db.cases.clear();
  await db.activity.clear();
});

describe('searching the case list', () => {
  it('finds a case by any word it holds — its note, tag, description or owner — in any order and case', () => {
    expect(titles(searchCases(rows(), 'CENTS'))).toEqual(['Fraud score jump']);
    expect(titles(searchCases(rows(), 'threshold berger'))).toEqual(['Fraud score jump']);
    expect(titles(searchCases(rows(), 'eu release'))).toEqual(['Fraud score jump']);
    expect(titles(searchCases(rows(), 'refused keller'))).toEqual(['Refused offer']);
    expect(searchCases(rows(), 'refused cents')).toEqual([]);
    expect(searchCases(rows(), '  ')).toHaveLength(2);
  });
});

describe('archiving and deleting a case', () => {
  it('logs each in the case’s chain as the reviewer; the chain still holds', async () => {
    expect(await recordLifecycle('c1', 'case.archived')).toBeUndefined();
    expect(rows().find((c) => c.record.id === 'c1')?.case?.archivedAt).toBeDefined();
    expect(await recordLifecycle('c1', 'case.unarchived')).toBeUndefined();
    expect(await recordLifecycle('c1', 'case.deleted')).toBeUndefined();
    const c1 = rows().find((c) => c.record.id === 'c1')!.case!;
    expect([c1.archivedAt, typeof c1.deletedAt]).toEqual([undefined, 'string']);
    const log = await readActivity(db, 'c1');
    expect(log.slice(1).map((e) => [e.action, e.actor])).toEqual([
      ['case.archived', 'Maria Keller'],
      ['case.unarchived', 'Maria Keller'],
      ['case.deleted', 'Maria Keller'],
    ]);
    expect((await verifyChain(log, webSha256)).ok).toBe(true);
  });

  it('says why an action cannot be taken, and records nothing', async () => {
    expect(await recordLifecycle('c2', 'case.unarchived')).toBe('Case c2 is not archived.');
    expect((await readActivity(db, 'c2')).map((e) => e.action)).toEqual(['case.opened', 'annotation.added']);
  });
});

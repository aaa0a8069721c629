import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../importers/mapping';
import { mappingChanges, mappingChangeText } from '../importers/mapping-changes';
import { verifyChain } from './activity-log';
import { type Act, type CaseAction, caseFromActivity, recordAction } from './case-actions';
import type { CaseRecord } from './case-types';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const at = (minute: number) => `2026-03-06T09:${String(minute).padStart(2, '0')}:00Z`;
const opened: Act & CaseAction = {
  time: at(0),
  actor: 'maria',
  action: 'case.opened',
  payload: { id: 'case-1', title: 'Refused offer', severity: 'high', owner: 'maria', decisionIds: ['d-7'] },
};
const source = { name: 'offers.csv', kind: 'decision-log', sha256: 'ab'.repeat(32), records: 120 };
const first: ImportMapping = {
  kind: 'decision-log',
  fields: { decision_id: 'id', timestamp: 'ts' },
  features: ['income', 'age', 'region'],
  constants: { 'model.name': 'offers' },
};
const second: ImportMapping = {
  kind: 'decision-log',
  fields: { decision_id: 'uid', timestamp: 'ts', score: 'p' },
  features: ['income', 'tenure'],
  constants: { 'model.name': 'offers' },
  timeOffset: 'Z',
};
const changed = (minute: number, payload: Extract<CaseAction, { action: 'mapping.changed' }>['payload']) =>
  ({ time: at(minute), actor: 'maria', action: 'mapping.changed', payload }) as Act & CaseAction;

async function replay(acts: ReadonlyArray<Act & CaseAction>): Promise<CaseRecord> {
  let r: CaseRecord | undefined;
  for (const act of acts) r = await recordAction(r, act, sha256);
  return r!;
}

describe('a changed column mapping in the case’s chain', () => {
  it('is chained with the source it names and the mappings before and after; the fold keeps the case', async () => {
    const base = await replay([opened]);
    const r = await replay([
      opened,
      changed(1, { source, after: first }),
      changed(2, { source, before: first, after: second }),
      changed(3, { connection: { name: 'warehouse', location: '/data/offers.parquet' }, after: second }),
    ]);
    expect(r.activity.map((e) => e.action)).toEqual(['case.opened', ...Array(3).fill('mapping.changed')]);
    expect(r.activity[2]!.payload).toEqual({ source, before: first, after: second });
    expect(r.case).toEqual(base.case);
    expect(caseFromActivity(r.activity)).toEqual(r.case);
    expect((await verifyChain(r.activity, sha256)).ok).toBe(true);
    // Rewriting which column was read afterwards breaks the chain.
    const forged = r.activity.map((e) =>
      e.seq === 3 ? { ...e, payload: { source, before: first, after: { ...second, fields: first.fields } } } : e,
    );
    expect((await verifyChain(forged, sha256)).ok).toBe(false);
  });

  it('refuses an entry that names no change, or not exactly one source or connection', async () => {
    const base = await replay([opened]);
    await expect(recordAction(base, changed(1, { source, before: first, after: first }), sha256)).rejects.toThrow(
      'The mapping of offers.csv did not change.',
    );
    await expect(recordAction(base, changed(1, { before: first, after: second }), sha256)).rejects.toThrow(
      /one source or one connection/,
    );
    await expect(
      recordAction(base, changed(1, { source, connection: { name: 'w', location: 'x' }, after: first }), sha256),
    ).rejects.toThrow(/one source or one connection/);
  });

  it('reads as what each app field is read from, before and after', () => {
    const text = mappingChanges(first, second).map((c) => mappingChangeText(c));
    expect(text).toEqual([
      'decision_id: column “uid” (was column “id”)',
      'score: column “p” (was none)',
      'features: + tenure; − age, region',
      'time offset: Z (was none)',
    ]);
    expect(mappingChanges(undefined, first).map((c) => mappingChangeText(c, 'suggested'))).toContain(
      'decision_id: column “id” (was suggested)',
    );
    expect(mappingChanges(second, { ...second, features: [...second.features!].reverse() })).toEqual([]);
  });
});

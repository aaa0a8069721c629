import { describe, expect, it } from 'vitest';
import type { Decision } from '../../shared/model/records';
import type { ImportMapping } from '../../shared/importers/mapping';
import { LineageDb } from '../db/lineage-db';
import { removeSource } from '../db/staged-import';
import { runImport } from './run-import';
import { loadRecords } from '../db/load-evidence';
import { createCase } from '../db/case-log';

const CSV = ['ref,when,model,approved', 'r-1,2026-11-20T10:00:00Z,credit,yes', 'r-2,2026-11-20T11:00:00Z,credit,no'];
const MAPPING: ImportMapping = {
  kind: 'decision-log',
  fields: { decision_id: 'ref', timestamp: 'when', 'model.name': 'model' },
  features: ['approved'],
};
const noCancel = { cancelled: () => false, onProgress: () => undefined };

describe('importing a CSV from the UI', () => {
  it('stores it first as needing a mapping, then through the mapping, saved on the source', async () => {
    const db = new LineageDb('mapping-import-test');
    await createCase(db, { id: 'case-1', title: 'T', description: '', sourceIds: [] });
    const file = new File([CSV.join('\n')], 'scores.csv');

    const first = await runImport(db, { file, name: 'scores.csv' }, { ...noCancel, caseId: 'case-1' });
    expect(first).toMatchObject({ status: 'imported', source: { detected: 'csv', rejected: 1, counts: {} } });
    const issues = await db.sourceIssues.get(first.status === 'imported' ? first.source.id : '');
    expect(issues?.rejections[0]?.reason).toMatch(/^needs a column mapping: a CSV of 2 rows with the columns ref/);

    if (first.status !== 'imported') throw new Error('not imported');
    await removeSource(db, first.source.id);
    const mapped = await runImport(
      db,
      { file, name: 'scores.csv' },
      { ...noCancel, caseId: 'case-1', mapping: MAPPING },
    );
    expect(mapped).toMatchObject({
      status: 'imported',
      source: { id: first.source.id, detected: 'decision-log', importer: 'csv', rejected: 0, mapping: MAPPING },
    });
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([first.source.id]);
    const decisions = (await loadRecords(db, [first.source.id])) as Decision[];
    expect(decisions.map((d) => [d.decisionId, d.provenance.line, d.features[0]?.value])).toEqual([
      ['r-1', 2, 'yes'],
      ['r-2', 3, 'no'],
    ]);
  });
});

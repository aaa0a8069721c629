/* eslint-disable no-restricted-imports -- a Node-side unit test reads a real public fixture from disk */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { ImportMapping } from '../../shared/importers/mapping';
import { NANNYML_FEATURES, NANNYML_MAPPING } from '../../shared/importers/nannyml-mapping.fixture';
import type { Decision } from '../../shared/model/records';
import { createCase } from '../db/case-log';
import { LineageDb } from '../db/lineage-db';
import { loadRecords } from '../db/load-evidence';
import { checkPickedAgain } from './pick-again';
import { clearRemapped, swapInRemapped } from './replace-source';
import { rememberOrigin } from './file-origins';
import { runImport } from './run-import';

const NANNYML = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');
const NAME = 'nannyml_california_housing_analysis.csv';
const bytes = readFileSync(NANNYML);
const FEATURES = [...NANNYML_FEATURES];
const BY_PREDICTION: ImportMapping = NANNYML_MAPPING;
/** A second mapping: two features only, another model name. */
const TWO_FEATURES: ImportMapping = {
  ...BY_PREDICTION,
  features: ['MedInc', 'HouseAge'],
  constants: { 'model.name': 'v2' },
};
const noCancel = { cancelled: () => false, onProgress: () => undefined };

async function stage(staging: LineageDb, mapping: ImportMapping, cancelled = () => false) {
  return runImport(staging, { file: new File([bytes], NAME), name: NAME }, { ...noCancel, mapping, cancelled });
}

describe('changing the column mapping of a stored CSV (the real NannyML inference log)', () => {
  const db = new LineageDb('replace-source-test');
  const staging = new LineageDb('replace-source-test-staging');
  let sourceId = '';

  it('first stored without a mapping: no records, kept in its case, with where it was read', async () => {
    await createCase(db, { id: 'case-1', title: 'Housing', description: '', sourceIds: [] });
    const first = await runImport(db, { file: new File([bytes], NAME), name: NAME }, { ...noCancel, caseId: 'case-1' });
    if (first.status !== 'imported') throw new Error(`not imported: ${first.status}`);
    sourceId = first.source.id;
    expect(first.source).toMatchObject({ detected: 'csv', counts: {} });
    await rememberOrigin(db, sourceId, '/home/ana/Downloads/housing.csv');
  });

  it('is replaced by its 8,232 decisions once the mapped import committed, keeping its case and path', async () => {
    expect(await stage(staging, BY_PREDICTION)).toMatchObject({ status: 'imported' });
    expect(await loadRecords(db, [sourceId])).toEqual([]);
    const source = await swapInRemapped(db, staging, sourceId, 'case-1');
    expect(source).toMatchObject({ detected: 'decision-log', mapping: BY_PREDICTION, rejected: 0 });
    expect(source.origin).toEqual({ path: '/home/ana/Downloads/housing.csv' });
    const decisions = (await loadRecords(db, [sourceId])) as Decision[];
    expect(decisions).toHaveLength(8232);
    expect(decisions[0]).toMatchObject({ decisionId: '5832', provenance: { line: 2 } });
    expect(decisions[0]?.features.map((f) => f.name)).toEqual(FEATURES);
    expect((await db.cases.get('case-1'))?.sourceIds).toEqual([sourceId]);
    expect(await staging.sources.count()).toBe(0);
  });

  it('keeps the old records when a re-import is cancelled, and swaps the new ones in whole otherwise', async () => {
    await clearRemapped(staging, sourceId);
    expect(await stage(staging, TWO_FEATURES, () => true)).toEqual({ status: 'cancelled' });
    await expect(swapInRemapped(db, staging, sourceId)).rejects.toThrow(/did not complete; the source was left/);
    const kept = (await loadRecords(db, [sourceId])) as Decision[];
    expect(kept).toHaveLength(8232);
    expect(kept[0]?.features).toHaveLength(8);

    expect(await stage(staging, TWO_FEATURES)).toMatchObject({ status: 'imported' });
    const changed = await swapInRemapped(db, staging, sourceId);
    expect(changed.mapping).toEqual(TWO_FEATURES);
    const now = (await loadRecords(db, [sourceId])) as Decision[];
    expect(now).toHaveLength(8232);
    expect(now[0]?.features.map((f) => f.name)).toEqual(['MedInc', 'HouseAge']);
    expect(new Set(now.map((d) => d.model.name))).toEqual(new Set(['v2']));
  });

  it('accepts the same file picked again, and refuses another one naming both hashes', async () => {
    const source = (await db.sources.get(sourceId))!;
    const same = await checkPickedAgain(source, new File([bytes], 'renamed.csv'));
    expect(same).toMatchObject({ ok: true, preview: { format: 'csv', headers: expect.arrayContaining(['y_pred']) } });
    const edited = new File([bytes, '1,2,3,4,5,6,7,8,9,2021-06-01 00:00:00,0.5,1\n'], NAME);
    const other = await checkPickedAgain(source, edited);
    expect(other.ok).toBe(false);
    expect(!other.ok && other.reason).toMatch(
      new RegExp(
        `is not the file ${NAME} was imported from: its SHA-256 is [0-9a-f]{12}…, the source's is ${sourceId.slice(0, 12)}…`,
      ),
    );
  });
});

/* eslint-disable no-restricted-imports -- a Node-side unit test reads a real public fixture from disk */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { InputFile } from '../../shared/ipc/contract';
import type { Decision, ImportResult, LineageRunEvent } from '../../shared/model/records';
import { LineageDb } from './lineage-db';
import { loadEvidence, loadRecords } from './load-evidence';
import { importResult } from './import-result';
import { createCase, listCasesWithActivity, setCaseFocus } from './case-log';

const REAL = realFixture('openlineage/ol_dbt_postgres_run_events.json');

/** A real OpenLineage file, mapped to run records the way an importer would (minimal fields). */
function realLineageFile(): { file: InputFile; result: ImportResult } {
  const text = readFileSync(REAL, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const events = JSON.parse(text) as Array<{
    eventType: string;
    eventTime: string;
    run: { runId: string };
    job: { namespace: string; name: string };
  }>;
  const records: LineageRunEvent[] = events.map((e, i) => ({
    kind: 'lineage-run',
    eventType: e.eventType,
    eventTime: e.eventTime,
    runId: e.run.runId,
    job: e.job,
    inputs: [],
    outputs: [],
    provenance: { sourceId: sha256, pointer: `/${i}` },
  }));
  return {
    file: { name: 'ol_dbt_postgres_run_events.json', sha256, size: text.length, text },
    result: { importer: 'test', importerVersion: '1', detected: 'openlineage', records, rejections: [], warnings: [] },
  };
}

function decisions(count: number, sourceId: string): Decision[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'decision' as const,
    decisionId: `d-${String(i).padStart(5, '0')}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    subjectId: `u-${i % 97}`,
    model: { name: 'm', version: '1' },
    features: [{ name: 'f', value: i % 2 === 0 }],
    provenance: { sourceId, line: i + 1 },
  }));
}

let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`lineage-db-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('LineageDb.importResult', () => {
  it('imports a real OpenLineage file once; importing it again changes nothing', async () => {
    const { file, result } = realLineageFile();
    const first = await importResult(db, file, result, new Date('2026-01-01T00:00:00Z'));
    expect(first.created).toBe(true);
    expect(first.source.counts).toEqual({ 'lineage-run': 10 });
    const chunksBefore = await db.recordChunks.toArray();

    const second = await importResult(db, file, result, new Date('2027-01-01T00:00:00Z'));
    expect(second.created).toBe(false);
    expect(second.source.importedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(await db.sources.count()).toBe(1);
    expect(await db.recordChunks.toArray()).toEqual(chunksBefore);

    const set = await loadEvidence(db, [file.sha256]);
    expect(set.runs).toHaveLength(10);
    expect(set.runs.map((r) => r.job.name)).toContain('postgres.public.jaffle_shop.customers');
  });

  it('stores 2,500 rows as 3 chunks and loads them back in order', async () => {
    const sourceId = 'a'.repeat(64);
    const rows = decisions(2500, sourceId);
    const file: InputFile = { name: 'decisions.jsonl', sha256: sourceId, size: 1, text: '' };
    const result: ImportResult = {
      importer: 'test',
      importerVersion: '1',
      detected: 'decision-log',
      records: rows,
      rejections: [],
      warnings: [],
    };
    await importResult(db, file, result);
    const chunks = await db.recordChunks.where('sourceId').equals(sourceId).toArray();
    expect(chunks.map((c) => c.rows.length).sort()).toEqual([1000, 1000, 500]);
    const loaded = await loadRecords(db, [sourceId]);
    expect(loaded.map((r) => (r as Decision).decisionId)).toEqual(rows.map((r) => r.decisionId));
    const set = await loadEvidence(db, [sourceId]);
    expect(set.decisions).toHaveLength(2500);
    expect(set.decisions[2499]?.decisionId).toBe('d-02499');
  });
});

describe('cases', () => {
  it('a case round-trips with its focus; its opening is the first entry of its activity log', async () => {
    await createCase(db, {
      id: 'case-1',
      title: 'Eligible customers rejected',
      description: 'Escalated by support',
      sourceIds: ['s1', 's2'],
      createdAt: '2026-11-21T08:00:00.000Z',
      severity: 'high',
      owner: 'maria',
    });
    await setCaseFocus(db, 'case-1', { decisionId: 'd-42', model: 'offers' }, 'eligibility_flag');

    const [stored] = await listCasesWithActivity(db);
    expect(stored?.record).toMatchObject({
      id: 'case-1',
      title: 'Eligible customers rejected',
      decisionId: 'd-42',
      decisionModel: 'offers',
      featureName: 'eligibility_flag',
      sourceIds: ['s1', 's2'],
    });
    expect(stored?.activity.map((e) => [e.seq, e.action, e.actor, e.time])).toEqual([
      [1, 'case.opened', 'maria', '2026-11-21T08:00:00.000Z'],
    ]);
    expect(stored?.activity[0]?.payload).toMatchObject({ severity: 'high', owner: 'maria', decisionIds: [] });
  });

  it('lists cases newest first', async () => {
    await createCase(db, {
      id: 'old',
      title: 'Old',
      description: '',
      sourceIds: [],
      createdAt: '2026-01-01T00:00:00Z',
    });
    await createCase(db, {
      id: 'new',
      title: 'New',
      description: '',
      sourceIds: [],
      createdAt: '2026-02-01T00:00:00Z',
    });
    expect((await db.listCases()).map((c) => c.id)).toEqual(['new', 'old']);
  });
});

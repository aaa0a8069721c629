/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/case/activity-log';
import { caseFromActivity } from '../../shared/case/case-actions';
import { realFixture } from '../../fixtures/real-fixtures';
import { describeActivity } from '../case/describe-activity';
import { webSha256 } from '../case/web-sha256';
import { runImport, type RunOptions } from '../import/run-import';
import { createCase, readActivity } from './case-log';
import { LineageDb, type StoredSource } from './lineage-db';
import { loadRecords } from './load-evidence';
import { restoreSource, setSourceAside } from './source-removal';
import { logSourceChange } from './source-removal-log';

/** Real exports: GitHub's audit log and a dbt run's OpenLineage events, imported into two investigations. */
const AUDIT = ['audit.ndjson', 'audit/github_audit/elastic_github_test-audit-json_first_page.ndjson'] as const;
const RUN = ['postgres-run.json', 'openlineage/ol_dbt_postgres_run_events.json'] as const;
const noCancel: RunOptions = { cancelled: () => false, onProgress: () => undefined };
const act = (time: string) => ({ time, actor: 'Dana (reviewer)' });

let db: LineageDb;
let n = 0;
let run: StoredSource;

async function importInto(caseId: string, [name, path]: readonly [string, string]): Promise<StoredSource> {
  const file = new File([readFileSync(realFixture(path))], name);
  const end = await runImport(db, { file, name }, { ...noCancel, caseId });
  if (end.status !== 'imported' && end.status !== 'already-imported')
    throw new Error(`${name}: ${JSON.stringify(end)}`);
  return end.source;
}
const entries = (caseId: string) => readActivity(db, caseId);
const sourceEntries = async (caseId: string) => (await entries(caseId)).filter((e) => e.action.startsWith('source.'));

beforeEach(async () => {
  n += 1;
  db = new LineageDb(`source-removal-log-test-${n}`);
  // Two investigations cite the dbt run; a third has only the audit log.
  for (const id of ['refused-offers', 'late-scores', 'audit-only'])
    await createCase(db, { id, title: id, description: '', sourceIds: [] });
  await importInto('refused-offers', AUDIT);
  run = await importInto('refused-offers', RUN);
  await importInto('late-scores', RUN);
  await importInto('audit-only', AUDIT);
});
afterEach(async () => {
  await db.delete();
});

describe('a source removal in the activity log of each case that cited it', () => {
  it('names the source (name, kind, SHA-256, records) when removed and when undone, on an intact chain', async () => {
    const before = await entries('audit-only');
    const records = (await loadRecords(db, [run.id])).length;
    expect(records).toBeGreaterThan(0);

    const removed = (await setSourceAside(db, run.id))!;
    const out = await logSourceChange(db, removed, 'source.removed', act('2026-12-01T09:00:00.000Z'));
    expect([...out.logged].sort()).toEqual(['late-scores', 'refused-offers']);
    expect(out.unlogged).toEqual([]);
    for (const caseId of out.logged) {
      const [entry] = await sourceEntries(caseId);
      expect(entry).toMatchObject({
        action: 'source.removed',
        actor: 'Dana (reviewer)',
        time: '2026-12-01T09:00:00.000Z',
        payload: { name: 'postgres-run.json', kind: run.detected, sha256: run.sha256, records },
      });
      expect(describeActivity(entry!)).toContain('Removed the source “postgres-run.json”');
      expect(describeActivity(entry!)).toContain(`${records.toLocaleString('en')} records`);
    }

    expect(await restoreSource(db, run.id)).toBe(true);
    await logSourceChange(db, removed, 'source.restored', act('2026-12-01T09:00:05.000Z'));
    for (const caseId of ['refused-offers', 'late-scores']) {
      const log = await entries(caseId);
      expect(log.slice(-2).map((e) => e.action)).toEqual(['source.removed', 'source.restored']);
      expect(log.at(-1)!.payload).toEqual(log.at(-2)!.payload);
      expect(describeActivity(log.at(-1)!)).toContain('Undid the removal of the source “postgres-run.json”');
      expect(await verifyChain(log, webSha256)).toEqual({ ok: true, entries: log.length });
      expect(caseFromActivity(log).id).toBe(caseId);
    }
    expect(await entries('audit-only')).toEqual(before);
  });

  it('still removes the source where one case log is broken, naming that case and the reason', async () => {
    const [opened] = await entries('late-scores');
    const payload = { ...(opened!.payload as object), title: 'edited' };
    await db.activity.put({ ...opened!, caseId: 'late-scores', payload });

    const removed = (await setSourceAside(db, run.id))!;
    const out = await logSourceChange(db, removed, 'source.removed', act('2026-12-01T09:00:00.000Z'));
    expect(out.logged).toEqual(['refused-offers']);
    expect(out.unlogged).toHaveLength(1);
    expect(out.unlogged[0]!.caseId).toBe('late-scores');
    expect(out.unlogged[0]!.reason).toMatch(/activity log of case late-scores is broken/);
    expect(await sourceEntries('late-scores')).toEqual([]);
    expect((await db.getCase('late-scores'))!.sourceIds).toEqual([]);
  });

  it('logs the undo only in the cases that cite the source again', async () => {
    const removed = (await setSourceAside(db, run.id))!;
    await logSourceChange(db, removed, 'source.removed', act('2026-12-01T09:00:00.000Z'));
    await db.cases.delete('late-scores');
    await restoreSource(db, run.id);
    const out = await logSourceChange(db, removed, 'source.restored', act('2026-12-01T09:00:05.000Z'));
    expect(out.logged).toEqual(['refused-offers']);
    expect((await sourceEntries('refused-offers')).map((e) => e.action)).toEqual(['source.removed', 'source.restored']);
  });
});

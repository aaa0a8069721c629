/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { InputFile, IpcApi, SampleCase } from '../../shared/ipc/contract';
import { LineageDb } from '../db/lineage-db';
import { openSampleCase, stableId } from './sample-import';
import { loadEvidence } from '../db/load-evidence';

function realFile(path: string): InputFile {
  const text = readFileSync(realFixture(path), 'utf8');
  return {
    name: path.split('/').pop()!,
    sha256: createHash('sha256').update(text).digest('hex'),
    size: text.length,
    text,
  };
}

function fakeApi(sample: SampleCase): IpcApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    invoke: (async (channel: string) => {
      calls.push(channel);
      if (channel === 'sample:load') return sample;
      throw new Error(`unexpected ${channel}`);
    }) as IpcApi['invoke'],
  };
}

let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`sample-import-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('openSampleCase', () => {
  const sample: SampleCase = {
    title: 'Real files',
    description: 'OpenLineage files from public projects',
    decisionId: 'd-1',
    featureName: 'f',
    files: [realFile('openlineage/ol_dbt_postgres_run_events.json'), realFile('openlineage/marquez_event_full.json')],
  };

  it('imports every file, creates the case once, and reopening imports nothing again', async () => {
    const progress: string[] = [];
    const api = fakeApi(sample);
    const id = await openSampleCase(api, db, (m) => progress.push(m));
    expect(progress.some((m) => m.includes('ol_dbt_postgres_run_events.json'))).toBe(true);
    expect(await db.sources.count()).toBe(2);
    const sources = await db.getSources(sample.files.map((f) => f.sha256));
    expect(sources.map((s) => s.detected)).toEqual(['openlineage', 'openlineage']);
    expect(sources[0]!.counts['lineage-run']).toBe(10);

    const againProgress: string[] = [];
    const again = await openSampleCase(api, db, (m) => againProgress.push(m));
    expect(again).toBe(id);
    expect(againProgress.filter((m) => m.startsWith('Importing'))).toEqual([]);
    const cases = await db.listCases();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ title: 'Real files', decisionId: 'd-1', featureName: 'f' });

    const evidence = await loadEvidence(db, cases[0]!.sourceIds);
    expect(evidence.runs.length).toBe(10 + (sources[1]!.counts['lineage-run'] ?? 0));
    expect(evidence.runs.some((r) => r.job.name === 'postgres.public.jaffle_shop.customers')).toBe(true);
  });

  it('gives a different case to a different set of sample files', async () => {
    const first = await openSampleCase(fakeApi(sample), db, () => undefined);
    const other = await openSampleCase(fakeApi({ ...sample, files: sample.files.slice(0, 1) }), db, () => undefined);
    expect(other).not.toBe(first);
    expect(stableId('a,b')).toBe(stableId('a,b'));
    expect(stableId('a,b')).not.toBe(stableId('a,c'));
  });

  it('remembers where each file was read, also for a file imported earlier in the browser', async () => {
    const [dbt, marquez] = sample.files as [InputFile, InputFile];
    // The dbt file was imported before, with no path (as the browser imports it).
    await openSampleCase(fakeApi({ ...sample, files: [dbt] }), db, () => undefined);
    expect((await db.sources.get(dbt.sha256))?.origin).toBeUndefined();
    const withPaths = [
      { ...dbt, path: '/data/sample/openlineage/ol_dbt_postgres_run_events.json' },
      { ...marquez, path: '/data/sample/openlineage/marquez_event_full.json' },
    ];
    await openSampleCase(fakeApi({ ...sample, files: withPaths }), db, () => undefined);
    const sources = await db.getSources(sample.files.map((f) => f.sha256));
    expect(sources.map((s) => s.origin?.path)).toEqual(withPaths.map((f) => f.path));
  });
});

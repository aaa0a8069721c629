/**
 * A connection case's affected subjects, grouped where the log lives (`connections:affectedSubjectsCsv`), against the
 * imported case's export of the same decisions (shared/analysis/csv.ts `affectedSubjectsCsv`): generated decisions
 * with many sharing a millisecond, subjects without an id, and ids a spreadsheet would read as formulas or that need
 * quoting, read as a Parquet file by DuckDB and as a table on a real PostgreSQL server, in chunks smaller than the
 * subjects, for the suspect versions' selection and for a radius's filter.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { affectedSubjectsCsv } from '../../shared/analysis/csv.js';
import type { ImpactScope } from '../../shared/analysis/engine-types.js';
import { connectionAffectedSchemas } from '../../shared/ipc/connection-affected-channels.js';
import type { Decision } from '../../shared/model/records.js';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { connectionStore } from '../warehouse/connection-store.js';
import { createRowTable, writeRowFiles } from '../warehouse/flat-table.fixture.js';
import { openConnections } from '../warehouse/open-connections.js';
import { createConnectionAffectedHandlers } from './connection-affected-services.js';
import { createGitRunner } from './git-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'li-connection-subjects-'));
const parquet = join(dir, 'decisions.parquet');
/** Subjects a spreadsheet would read as formulas, or that the CSV must quote, beside plain ones. */
const ODD_SUBJECTS = ['=HYPERLINK("http://x")', '+41 22', '-0.5', '-x', '@sum', 'a,b', 'say "hi"', 'two\nlines'];
const SUBJECTS = [...ODD_SUBJECTS, ...Array.from({ length: 30 }, (_, i) => `c-${i}`)];
const BASE_MS = Date.parse('2026-03-02T09:00:00.000Z');

/** A small deterministic generator (a linear congruential one), so a failure can be run again. */
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

interface Row {
  readonly id: string;
  readonly ts: string;
  readonly subject_id: string | null;
  readonly model_name: string;
  readonly action: string;
  readonly score: number;
  readonly feature_version: string;
}

/** 600 decisions in no particular order: times among 90 seconds (many shared), a tenth without a subject. */
function generatedRows(): Row[] {
  const next = generator(20260302);
  return Array.from({ length: 600 }, (_, i) => ({
    id: `d-${String(next(100_000)).padStart(5, '0')}-${i}`,
    ts: new Date(BASE_MS + next(90) * 1000 + (next(4) === 0 ? next(3) : 0)).toISOString(),
    subject_id: next(10) === 0 ? null : (SUBJECTS[next(SUBJECTS.length)] as string),
    model_name: 'credit-limit',
    action: next(2) === 0 ? 'approve' : 'decline',
    score: next(1000),
    feature_version: next(3) === 0 ? 'fv-1' : 'fv-2',
  }));
}

/** The rows as the decision log's own JSON lines, as an investigator would import them. */
const asLogLine = (r: Row) =>
  JSON.stringify({
    decision_id: r.id,
    timestamp: r.ts,
    ...(r.subject_id !== null && { subject_id: r.subject_id }),
    model: { name: r.model_name, version: '1' },
    action: r.action,
    features: [{ name: 'score', value: r.score, feature_version: r.feature_version }],
  });

const MAPPING = JSON.stringify({
  kind: 'decision-log',
  fields: {
    decision_id: 'id',
    timestamp: 'ts',
    subject_id: 'subject_id',
    'model.name': 'model_name',
    action: 'action',
    'features[].feature_version': 'feature_version',
  },
  features: ['score'],
});

const rows = generatedRows();
let imported: ReadonlyArray<Decision>;

beforeAll(async () => {
  await writeRowFiles(rows, join(dir, 'flat.jsonl'), parquet);
  const log = join(dir, 'decisions.jsonl');
  writeFileSync(log, rows.map(asLogLine).join('\n') + '\n');
  const loaded = await loadEvidence([log], { git: createGitRunner(), cacheDir: join(dir, 'repositories') });
  imported = loaded.set.decisions;
  expect(imported).toHaveLength(rows.length);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The imported case's subjects export of the decisions `keep` selects, in the imported log's order. */
const importedSubjects = (keep: (d: Decision) => boolean) =>
  affectedSubjectsCsv({ decisions: imported.filter(keep) } as unknown as ImpactScope);

/** The subjects' CSV of `location` for `selection`, asked chunk by chunk (chunks of 7 subjects) as JSON would carry. */
async function subjectsInPlace(location: string, selection: AffectedSelection) {
  const store = connectionStore(join(dir, 'data', String(Math.random()).slice(2)));
  const saved = await store.save({ name: 'Credit decisions', location, mapping: MAPPING });
  const open = openConnections(store);
  const handlers = createConnectionAffectedHandlers(open, 7);
  let csv = '';
  let chunks = 0;
  try {
    for (let offset = 0; ; chunks++) {
      const request = JSON.parse(JSON.stringify({ id: saved.id, selection, offset }));
      const got = await handlers['connections:affectedSubjectsCsv'](
        connectionAffectedSchemas['connections:affectedSubjectsCsv'].parse(request),
      );
      csv += got.csv;
      offset += got.rows;
      if (got.done) break;
    }
  } finally {
    await open.closeAll();
  }
  return { csv, chunks };
}

const lines = (csv: string) => csv.trimEnd().split('\r\n');
/** A data line's first time: the last but one field (times hold no comma, whatever the subject holds). */
const firstOf = (line: string) => line.split(',').at(-2) as string;

/** The same subjects, counts and times as the imported case's export; in order of each subject's first decision. */
function expectSameSubjects(inPlace: string, expected: string, chunks: number) {
  const got = lines(inPlace);
  const want = lines(expected);
  expect(got[0]).toBe('subject_id,decisions,first,last');
  expect(got.length).toBeGreaterThan(20);
  expect(chunks).toBe(Math.floor((got.length - 1) / 7));
  expect([...got].sort()).toEqual([...want].sort());
  // Decisions sharing a millisecond are listed in either order, but never a later subject before an earlier one.
  const firsts = got.slice(1).map(firstOf);
  expect(firsts).toEqual([...firsts].sort());
  // Neutralized as the imported case's export is: a formula-like id opens with a quote.
  expect(got).toContain(want.find((l) => l.startsWith(`"'=HYPERLINK`)));
}

const onFv2 = (d: Decision) => d.features[0]?.featureVersion === 'fv-2';
const until = new Date(BASE_MS + 60_000).toISOString();
const versions: AffectedSelection = {
  by: 'versions',
  model: 'credit-limit',
  versionKind: 'feature_version',
  versions: ['fv-2'],
};
const radius: AffectedSelection = {
  by: 'radius',
  lineage: { model: 'credit-limit', versions: [] },
  filter: { featureVersion: 'fv-2', until },
};
const throughUntil = (d: Decision) => onFv2(d) && Date.parse(d.timestamp) <= Date.parse(until);

describe("a Parquet connection case's affected subjects", () => {
  it("are the imported case's subjects export, for the suspect versions", async () => {
    const { csv, chunks } = await subjectsInPlace(parquet, versions);
    expectSameSubjects(csv, importedSubjects(onFv2), chunks);
  }, 60_000);

  it("are the imported case's subjects export, for a radius's filter", async () => {
    const { csv, chunks } = await subjectsInPlace(parquet, radius);
    expectSameSubjects(csv, importedSubjects(throughUntil), chunks);
  }, 60_000);
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())("a PostgreSQL connection case's affected subjects, on a real server", () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE SCHEMA ml');
    await createRowTable(
      admin,
      'ml.credit',
      'id text, ts timestamptz, subject_id text, model_name text, action text, score integer, feature_version text',
      rows,
    );
    await admin.end();
  }, 120_000);
  afterAll(() => server?.stop());

  const url = () => `${server.adminUrl}?table=ml.credit`;

  it("are the imported case's subjects export, for the suspect versions", async () => {
    const { csv, chunks } = await subjectsInPlace(url(), versions);
    expectSameSubjects(csv, importedSubjects(onFv2), chunks);
  }, 60_000);

  it("are the imported case's subjects export, for a radius's filter", async () => {
    const { csv, chunks } = await subjectsInPlace(url(), radius);
    expectSameSubjects(csv, importedSubjects(throughUntil), chunks);
  }, 60_000);
});

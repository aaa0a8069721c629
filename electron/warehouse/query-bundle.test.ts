/**
 * An evidence bundle of a case whose decisions are read in place from Parquet: the bundle cites the queries the
 * decisions came from (text, parameters, row count, rows' SHA-256) and `verify` runs them again — same rows, rows
 * that differ once the file is rewritten, a file that is gone, a file moved and named with --connection, and a
 * bundle whose query was swapped for SQL of a forger's own.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/case/canonical-json.js';
import { runVerifyCommand } from '../cli/verify-command.js';
import { flatRows, truth, writeFlatFiles } from './flat-sample.fixture.js';
import { bagSources, bundleWith, workDir } from './flat-report.fixture.js';

const { dir, mappingFile } = workDir('li-query-bundle-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');

const flat = join(dir, 'decisions-flat.jsonl');
const parquet = join(dir, 'decisions.parquet');
const bag = join(dir, 'bag');
const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

async function verify(at: string, ...options: string[]) {
  const lines: string[] = [];
  const code = await runVerifyCommand([at, ...options], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, lines };
}

/** Runs `select` over the Parquet file and writes the result over it. */
async function rewriteParquet(select: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (${select.replace('$FILE', `read_parquet('${parquet}')`)}) TO '${parquet}.new' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  renameSync(`${parquet}.new`, parquet);
}

const rows = flatRows();
const caseModel = rows.find((r) => r.id === truth.caseDecisionId)?.model_name;
const modelRows = rows.filter((r) => r.model_name === caseModel).length;

beforeAll(async () => {
  await writeFlatFiles(flat, parquet);
  const written = await bundleWith(parquet, mappingFile, bag);
  if (written.code !== 0) throw new Error(`${written.out}\n${written.err}`);
}, 300_000);

describe('a bundle citing decisions read in place from Parquet', () => {
  it('lists the log by its queries: the decision by id and its model, with their row counts', () => {
    const entry = bagSources(bag).find((s) => s.name === parquet);
    expect(entry?.included).toBe('query');
    expect(entry?.location).toBe(parquet);
    expect(entry?.sha256).toBe(sha(parquet));
    expect(entry?.queries?.map((q) => [q.params, q.rows])).toEqual([
      [[truth.caseDecisionId], 1],
      [[caseModel], modelRows],
    ]);
    expect(readdirSync(join(bag, 'data'))).not.toContain('decisions.parquet');
  });

  it("cites the SHA-256 of the rows' documented encoding: sorted canonical JSON lines, times in UTC", async () => {
    const q = bagSources(bag).find((s) => s.name === parquet)?.queries?.[0];
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run("SET TimeZone = 'UTC'");
    const rows = (await c.runAndReadAll(q?.text ?? '', q?.params as DuckDBValue[])).getRowObjectsJS();
    c.closeSync();
    db.closeSync();
    const lines = rows.map((r) =>
      canonicalJson(
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : v,
          ]),
        ),
      ),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`"id":"${truth.caseDecisionId}"`);
    expect(sha(lines.map((l) => `${l}\n`).join(''))).toBe(q?.sha256);
  });

  it('verify re-runs both queries: same rows, exit 0; --offline runs none', async () => {
    const r = await verify(bag);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^INTACT BUT UNSIGNED/);
    expect(r.lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
    const offline = await verify(bag, '--offline');
    expect(offline.code).toBe(0);
    expect(offline.lines.some((l) => l.includes('re-run'))).toBe(false);
  }, 120_000);

  it('says the rows differ once a decision of the model is dropped or its action changed (exit 4)', async () => {
    const others = rows.filter((r) => r.model_name === caseModel && r.id !== truth.caseDecisionId);
    const dropped = String(others.at(-1)?.id);
    const original = readFileSync(parquet);
    try {
      await rewriteParquet(`SELECT * FROM $FILE WHERE id <> '${dropped}'`);
      const fewer = await verify(bag);
      expect(fewer.code).toBe(4);
      expect(fewer.lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(1);
      expect(fewer.lines).toContainEqual(
        expect.stringMatching(new RegExp(`^re-run: rows differ \\(${modelRows} vs ${modelRows - 1}\\)`)),
      );
      writeFileSync(parquet, original);
      const changed = String(others[0]?.id);
      await rewriteParquet(
        `SELECT * REPLACE (CASE WHEN id = '${changed}' THEN action_taken || '-edited' ELSE action_taken END AS action_taken) FROM $FILE`,
      );
      const edited = await verify(bag);
      expect(edited.code).toBe(4);
      expect(edited.lines).toContainEqual(
        expect.stringMatching(new RegExp(`^re-run: rows differ \\(${modelRows} vs ${modelRows}\\)`)),
      );
    } finally {
      writeFileSync(parquet, original);
    }
  }, 120_000);

  it('says a file that is gone is not reachable, and re-runs where --connection says it moved', async () => {
    const moved = join(dir, 'moved.parquet');
    renameSync(parquet, moved);
    try {
      const gone = await verify(bag);
      expect(gone.code).toBe(0);
      expect(gone.lines).toContainEqual(expect.stringMatching(/^not reachable: not re-run — /));
      expect(gone.lines.some((l) => l.startsWith('re-run:'))).toBe(false);
      const there = await verify(bag, '--connection', moved);
      expect(there.code).toBe(0);
      expect(there.lines.filter((l) => l.startsWith('re-run: same rows') && l.endsWith(`at ${moved}`))).toHaveLength(2);
    } finally {
      renameSync(moved, parquet);
    }
  }, 120_000);

  it('the sealed report anchors each query: the SHA-256 of its text and parameters, its rows and their SHA-256', () => {
    const entry = bagSources(bag).find((s) => s.name === parquet);
    const report = readFileSync(join(bag, 'data/report/report.html'), 'utf8');
    for (const q of entry?.queries ?? [])
      expect(report).toContain(
        `query ${sha(parquet)} ${sha(canonicalJson({ params: q.params, text: q.text }))} ${q.rows} ${q.sha256}`,
      );
    expect(report.match(/^query /gm)).toHaveLength(2);
  });

  it("names a listing re-pointed at other rows, manifests re-hashed, as not the report's, and re-runs nothing", async () => {
    const forged = join(dir, 'repointed');
    cpSync(bag, forged, { recursive: true });
    const list = bagSources(forged);
    const q = list.find((s) => s.name === parquet)?.queries?.[1];
    if (!q) throw new Error('no model query listed');
    q.rows -= 1;
    q.sha256 = sha('other rows');
    writeFileSync(join(forged, 'data/sources.json'), `${JSON.stringify(list, null, 2)}\n`);
    rehash(forged);
    const r = await verify(forged);
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).toContain(`lists query 2 (${modelRows - 1} rows), which the report does not anchor`);
    expect(r.lines.some((l) => l.includes('re-run'))).toBe(false);
  }, 120_000);

  it("never runs SQL the bundle brings: a query swapped for a forger's, manifests re-hashed, is not the report's", async () => {
    const forged = join(dir, 'forged');
    cpSync(bag, forged, { recursive: true });
    const list = bagSources(forged);
    const entry = list.find((s) => s.name === parquet);
    const q = entry?.queries?.[1];
    if (!q) throw new Error('no model query listed');
    q.text = `SELECT 1 AS one FROM (${q.text}) AS t WHERE $1 IS NOT NULL`;
    writeFileSync(join(forged, 'data/sources.json'), `${JSON.stringify(list, null, 2)}\n`);
    rehash(forged);
    const r = await verify(forged);
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).toContain('lists query 2 (');
    expect(r.lines.some((l) => l.startsWith('re-run:'))).toBe(false);
  }, 120_000);
  it("names a listing pointed at another log (its sha256 no longer the location's) as altered, and re-runs nothing", async () => {
    const forged = join(dir, 'redirected');
    cpSync(bag, forged, { recursive: true });
    const list = bagSources(forged);
    const entry = list.find((s) => s.name === parquet) as { location?: string };
    entry.location = join(dir, 'elsewhere.parquet');
    writeFileSync(join(forged, 'data/sources.json'), `${JSON.stringify(list, null, 2)}\n`);
    rehash(forged);
    const r = await verify(forged);
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).toMatch(
      /data\/sources\.json: entry \d+ \(.*\) \(a query-cited source\) has a sha256 that is not/,
    );
    expect(r.lines.some((l) => l.includes('re-run'))).toBe(false);
  }, 120_000);
});

describe('a bundle citing decisions read in place from a hive-partitioned folder of Parquet', () => {
  const hive = join(dir, 'hive');
  const hiveBag = join(dir, 'hive-bag');

  beforeAll(async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT *, strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%d') AS date FROM read_parquet('${parquet}')) ` +
        `TO '${hive}' (FORMAT parquet, PARTITION_BY (model_name, date))`,
    );
    c.closeSync();
    db.closeSync();
    const written = await bundleWith(hive, mappingFile, hiveBag, { signed: true });
    if (written.code !== 0) throw new Error(`${written.out}\n${written.err}`);
  }, 300_000);

  it("re-runs the folder's queries, and says the rows differ once a day's partition of the model is deleted", async () => {
    expect(
      bagSources(hiveBag)
        .find((s) => s.name === hive)
        ?.queries?.map((q) => q.rows),
    ).toEqual([1, modelRows]);
    const same = await verify(hiveBag);
    expect(same.code).toBe(0);
    expect(same.lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
    const days = readdirSync(join(hive, `model_name=${caseModel}`)).sort();
    const caseDay = `date=${String(rows.find((r) => r.id === truth.caseDecisionId)?.ts).slice(0, 10)}`;
    const gone = days.find((d) => d !== caseDay) as string;
    const inDay = rows.filter((r) => r.model_name === caseModel && String(r.ts).startsWith(gone.slice(5))).length;
    rmSync(join(hive, `model_name=${caseModel}`, gone), { recursive: true });
    const fewer = await verify(hiveBag);
    expect(fewer.code).toBe(4);
    expect(fewer.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^re-run: rows differ \\(${modelRows} vs ${modelRows - inDay}\\)`)),
    );
  }, 120_000);
});

/** What a forger does after editing: every manifest, Payload-Oxum and the tag manifest made to match again. */
function rehash(at: string): void {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push(relative(at, join(d, e.name)).split(sep).join('/'));
  };
  walk(join(at, 'data'));
  files.sort();
  writeFileSync(
    join(at, 'manifest-sha256.txt'),
    files.map((f) => `${sha(readFileSync(join(at, f)))}  ${f}\n`).join(''),
  );
  const bytes = files.reduce((n, f) => n + statSync(join(at, f)).size, 0);
  const info = readFileSync(join(at, 'bag-info.txt'), 'utf8');
  writeFileSync(
    join(at, 'bag-info.txt'),
    info.replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${bytes}.${files.length}`),
  );
  const tags = ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt'];
  writeFileSync(
    join(at, 'tagmanifest-sha256.txt'),
    tags.map((t) => `${sha(readFileSync(join(at, t)))}  ${t}\n`).join(''),
  );
}

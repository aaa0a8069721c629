import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { runInspectCommand } from '../cli/inspect-command.js';
import { runVerifyCommand } from '../cli/verify-command.js';
import { openDecisionSource } from './decision-source.js';
import { answers, createFlatTable, FLAT_MAPPING, flatRows, investigateWith, truth } from './flat-sample.fixture.js';
import { bagSources, bundleWith, reportWith, workDir } from './flat-report.fixture.js';

const { dir, mappingFile } = workDir('li-postgres-source-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const flat = join(dir, 'decisions-flat.jsonl');
const PASSWORD = 'Tr0ub4dor-reader-secret';

if (skipPostgres()) console.warn(POSTGRES_MISSING);

/** Every file of a bag as one text. */
const bagText = (bag: string): string =>
  readdirSync(bag, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');

async function verifyBundle(bag: string, ...options: string[]) {
  const lines: string[] = [];
  const code = await runVerifyCommand([bag, ...options], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, lines };
}

describe.skipIf(skipPostgres())('decision logs in a PostgreSQL table, on a real server', () => {
  let server: ThrowawayPostgres;
  let url: string;

  beforeAll(async () => {
    server = await startPostgres();
    writeFileSync(
      flat,
      flatRows()
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    await createFlatTable(server.adminUrl, PASSWORD);
    url = `postgresql://reader:${PASSWORD}@127.0.0.1:${server.port}/postgres?table=ml.decisions`;
  }, 120_000);

  afterAll(() => server?.stop());

  it('gives the answers of the same decisions in JSON lines, and never prints the password', async () => {
    const fromJsonl = await investigateWith(flat, mappingFile);
    const fromTable = await investigateWith(url, mappingFile);
    // The lineage places each decision's data and the engine counts it there: nothing is said of reading the model.
    expect(fromTable.err).toBe('');
    expect(fromTable.code).toBe(0);
    expect(fromTable.json.scope.affectedDecisions).toBe(truth.decisions.affected);
    expect(fromTable.json.onset.onset).toBe(new Date(truth.onset.timestamp).toISOString());
    expect(answers(fromTable.json)).toEqual(answers(fromJsonl.json));
    expect(fromTable.text).not.toContain(PASSWORD);
    const decisionNode = (fromTable.json.trace.nodes as Array<{ kind: string; evidence: { source: string } | null }>)
      .map((n) => n.evidence?.source ?? '')
      .find((s) => s.startsWith('postgresql://'));
    expect(decisionNode).toBe(`postgresql://reader@127.0.0.1:${server.port}/postgres?table=ml.decisions`);
  }, 120_000);

  it('says what is wrong without the password: a refused login, a table that is not there', async () => {
    const wrong = await investigateWith(url.replace(PASSWORD, `${PASSWORD}-not`), mappingFile);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/password authentication failed for user "reader"/);
    expect(wrong.err).toContain(`127.0.0.1:${server.port}`);
    expect(wrong.err).not.toContain(PASSWORD);
    const missing = await investigateWith(url.replace('ml.decisions', 'ml.nope'), mappingFile);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/relation "ml\.nope" does not exist/);
    expect(missing.err).not.toContain(PASSWORD);
  }, 60_000);

  it('writes a report citing the table without its password', async () => {
    for (const format of ['md', 'html']) {
      const out = join(dir, `report.${format}`);
      const r = await reportWith(url, mappingFile, format, out);
      expect(r.code).toBe(0);
      // Markdown escapes punctuation with backslashes, HTML offers line breaks after separators (<wbr>): the table is
      // named as written once they are read away, as a reader sees it.
      const report = readFileSync(out, 'utf8').replace(/\\/g, '').replace(/<wbr>/g, '');
      expect(report).toContain(`reader@127.0.0.1:${server.port}/postgres?table=ml.decisions`);
      expect(report).not.toContain(PASSWORD);
      expect(r.out).not.toContain(PASSWORD);
      expect(r.err).not.toContain(PASSWORD);
    }
  }, 300_000);

  it('bundles the case citing its queries, and verify re-runs them with the credentials it is given', async () => {
    const bag = join(dir, 'bag');
    const written = await bundleWith(url, mappingFile, bag);
    expect(written.code).toBe(0);
    expect(bagText(bag)).not.toContain(PASSWORD);
    const label = `postgresql://reader@127.0.0.1:${server.port}/postgres?table=ml.decisions`;
    const listed = bagSources(bag).find((s) => s.location === label);
    const model = flatRows().find((r) => r.id === truth.caseDecisionId)?.model_name;
    const modelRows = flatRows().filter((r) => r.model_name === model).length;
    expect(listed?.included).toBe('query');
    expect(listed?.queries?.map((q) => [q.params, q.rows])).toEqual([
      [[truth.caseDecisionId], 1],
      [[model], modelRows],
    ]);
    const saved = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    try {
      const without = await verifyBundle(bag);
      expect(without.code).toBe(0);
      expect(without.lines[0]).toMatch(/^INTACT BUT UNSIGNED/);
      expect(without.lines).toContainEqual(
        expect.stringMatching(/^not reachable: not re-run — postgresql:\/\/reader@/),
      );
      const given = await verifyBundle(bag, '--connection', url);
      expect(given.code).toBe(0);
      expect(given.lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
      expect(given.lines.join('\n')).not.toContain(PASSWORD);
      process.env.PGPASSWORD = PASSWORD;
      const fromEnv = await verifyBundle(bag);
      expect(fromEnv.lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
      delete process.env.PGPASSWORD;
      const other = flatRows().find((r) => r.model_name === model && r.id !== truth.caseDecisionId)?.id;
      const admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
      const edit = `UPDATE ml.decisions SET action_taken = action_taken || $2 WHERE id = $1`;
      try {
        await admin.query(edit, [other, '-edited']);
        const edited = await verifyBundle(bag, '--connection', url);
        expect(edited.code).toBe(4);
        expect(edited.lines).toContainEqual(
          expect.stringMatching(new RegExp(`^re-run: rows differ \\(${modelRows} vs ${modelRows}\\)`)),
        );
        expect(edited.lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(1);
      } finally {
        await admin.query(`UPDATE ml.decisions SET action_taken = left(action_taken, -7) WHERE id = $1`, [other]);
        await admin.end();
      }
    } finally {
      if (saved === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = saved;
    }
  }, 600_000);

  it('inspect tests the connection without printing the password', async () => {
    const out: string[] = [];
    const code = await runInspectCommand([url, '--mapping', mappingFile], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`postgresql://reader@127.0.0.1:${server.port}/postgres?table=ml.decisions`);
    expect(text).toContain(`${flatRows().length.toLocaleString('en-US')} decisions`);
    expect(text).not.toContain(PASSWORD);
    const refused: string[] = [];
    expect(
      await runInspectCommand([url.replace(PASSWORD, 'wrong')], {
        out: (l) => refused.push(l),
        err: (l) => refused.push(l),
      }),
    ).toBe(1);
    expect(refused.join('\n')).toMatch(/password authentication failed/);
  }, 60_000);

  it('reads in a read-only session: the source cannot write, even where the role could', async () => {
    const admin = new URL(server.adminUrl);
    admin.searchParams.set('table', 'ml.decisions');
    const source = await openDecisionSource(admin.toString(), FLAT_MAPPING);
    try {
      await expect(source.engine.query({ text: 'CREATE TABLE ml.written (a int)', params: [] })).rejects.toThrow(
        /read-only transaction/,
      );
      await expect(source.engine.query({ text: 'DELETE FROM ml.decisions', params: [] })).rejects.toThrow(
        /read-only transaction/,
      );
      expect(source.label).not.toContain(admin.password);
    } finally {
      await source.close();
    }
  }, 60_000);
});

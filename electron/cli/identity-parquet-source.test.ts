/**
 * A `--source` that is an identity graph in Parquet (RudderStack Profiles' ID graph view, with the columns its docs
 * list: https://www.rudderstack.com/docs/profiles/dev-docs/warehouse-output/) is imported as an identity graph by
 * `inspect`, `trace` and `investigate` alike — never opened in place as a decision log whose mapping does not fit.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteText } from '../../shared/warehouse/sql-dialect.js';
import { openInPlace } from '../warehouse/decision-source.js';
import { runInspectCommand } from './inspect-command.js';
import { runInvestigateCommand } from './investigate-command.js';
import { runTraceCommand } from './trace-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'li-identity-parquet-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const graph = join(work, 'user_main_id.parquet');

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM (VALUES
      ('rid0f4e5a27c1', '8d872292-709c-4fe4-a8f3-4b4f1b6e0a11', 'anonymous_id',
        TIMESTAMP '2024-03-04 09:12:31', TIMESTAMP '2024-03-04 09:12:31'),
      ('rid0f4e5a27c1', 'alex@example.com', 'email', TIMESTAMP '2024-03-05 17:40:02', TIMESTAMP '2024-03-05 17:40:02')
    ) AS t(USER_MAIN_ID, OTHER_ID, OTHER_ID_TYPE, VALID_AT, FIRST_SEEN_AT)) TO ${quoteText(graph)} (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
});

type Command = (argv: string[], io: { out(l: string): void; err(l: string): void }) => Promise<number>;

async function run(command: Command, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('an identity graph in Parquet given as a source', () => {
  it('is not opened as a decision log read in place', async () => {
    await expect(openInPlace(graph)).resolves.toBeUndefined();
  });

  it('is inspected as an identity graph, every row read', async () => {
    const { code, out } = await run(runInspectCommand, [graph, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).inputs).toMatchObject([
      { reader: 'parquet', detected: 'identity-graph', counts: { 'identity-link': 2 }, rejectedCount: 0 },
    ]);
  });

  it('leaves trace and investigate answering as without it', async () => {
    const decision = ['--decision', truth.caseDecisionId, '--json'];
    for (const command of [runTraceCommand, runInvestigateCommand]) {
      const alone = await run(command, ['--source', 'assets/sample', ...decision]);
      const withGraph = await run(command, ['--source', 'assets/sample', '--source', graph, ...decision]);
      expect(withGraph.err).not.toMatch(/mapping does not fit/);
      expect(withGraph.code).toBe(alone.code);
      expect(JSON.parse(withGraph.out).decision).toEqual(JSON.parse(alone.out).decision);
    }
  }, 240_000);
});

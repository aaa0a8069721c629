/**
 * Files whose lines end with a bare CR (old Mac files) through the CLI's reader: every row read, a bad row named by
 * its line, as with LF (shared/importers/line-ends.test.ts pushes the same files into the importers in pieces).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures.js';
import { NANNYML_MAPPING } from '../../shared/importers/nannyml-mapping.fixture.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-line-ends-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };

/** The fixture's non-blank lines, the one numbered `bad` (from 1) spoiled, joined by CR. */
function crOnly(path: string, bad: number, spoil: (line: string) => string): { text: string; lines: number } {
  const lines = readFileSync(realFixture(path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { text: lines.map((line, i) => (i + 1 === bad ? spoil(line) : line)).join('\r') + '\r', lines: lines.length };
}

async function read(name: string, text: string, mapping?: typeof NANNYML_MAPPING) {
  const path = join(mkdtempSync(join(work, 'in-')), name);
  writeFileSync(path, text);
  const { imported } = await importInputs([path], { ...options, ...(mapping && { mapping }) });
  return imported[0]?.summary;
}

describe('a file whose lines end with a bare CR, read by the CLI', () => {
  it('a CSV through its mapping: every row a decision, the ragged row rejected on its line', async () => {
    const csv = crOnly('inference/nannyml/nannyml_california_housing_analysis.csv', 6000, (line) => `${line},x`);
    const summary = await read('analysis.csv', csv.text, NANNYML_MAPPING);
    expect(summary?.counts).toEqual({ decision: csv.lines - 2 });
    expect(summary?.rejections.map((r) => [r.line, r.reason])).toEqual([
      [6000, expect.stringMatching(/^the row has \d+ fields, the header has \d+$/)],
    ]);
  });

  it('JSON lines: every audit entry read, the cut line rejected on its line', async () => {
    const ndjson = crOnly('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson', 12, (line) =>
      line.slice(0, 30),
    );
    const summary = await read('audit.ndjson', ndjson.text);
    expect(summary?.counts).toEqual({ audit: ndjson.lines - 1 });
    expect(summary?.rejections.map((r) => [r.line, r.reason])).toEqual([[12, expect.stringMatching(/^invalid JSON/)]]);
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReportCommand } from './report-command.js';
import { runVerifyCommand } from './verify-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'li-report-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(command: typeof runReportCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sample = ['--source', 'assets/sample', '--decision', truth.caseDecisionId];

describe('lineage-investigator report and verify', () => {
  it('writes an HTML report of the sample case that names the planted change, its verdict and its evidence', async () => {
    const out = join(work, 'report.html');
    const { code } = await run(runReportCommand, [...sample, '--format', 'html', '--out', out]);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const suspects = html.slice(html.indexOf('<h2>Suspects</h2>'), html.indexOf('<h2>Governance</h2>'));
    // The first ranked change's row: the first row after the header (each change is a row group, <tbody class=…>).
    const firstRow = suspects.slice(suspects.indexOf('<tbody'), suspects.indexOf('</tr>', suspects.indexOf('<tbody')));
    expect(firstRow).toContain(truth.plantedCommit);
    const governance = html.slice(html.indexOf('<h2>Governance</h2>'), html.indexOf('<h2>Remediation</h2>'));
    const planted = governance.slice(governance.indexOf(truth.plantedCommit));
    expect(planted.slice(0, 300)).toContain('violation');
    expect(html).toContain(`#${truth.pullRequest}`);
    expect(html).toContain(truth.lastGoodCommit);
    const decisionsSha = html.match(/<td>decisions\.jsonl<\/td><td><code class="hash">([0-9a-f]{64})<\/code>/)?.[1];
    expect(decisionsSha).toBe(
      (await import('node:crypto'))
        .createHash('sha256')
        .update(readFileSync('assets/sample/decisions.jsonl'))
        .digest('hex'),
    );
  }, 120_000);

  it('exports a bundle that verifies, and names the file after a one-byte edit', async () => {
    const bag = join(work, 'bag');
    expect((await run(runReportCommand, [...sample, '--format', 'bagit', '--out', bag])).code).toBe(0);
    const ok = await run(runVerifyCommand, [bag]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^INTACT BUT SIGNED BY AN UNKNOWN KEY .*activity chain of \d+ entries intact/);

    const target = join(bag, 'data', 'sources', 'deployments.jsonl');
    const bytes = readFileSync(target);
    bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41;
    writeFileSync(target, bytes);
    const bad = await run(runVerifyCommand, [bag]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /data\/sources\/deployments\.jsonl: SHA-256 does not match manifest-sha256\.txt line \d+ \(expected [0-9a-f]{64}, actual [0-9a-f]{64}\)/,
    );
  }, 120_000);

  it('detects an edited activity entry even when the manifest is re-hashed to match', async () => {
    const bag = join(work, 'bag-chain');
    expect(
      (await run(runReportCommand, [...sample, '--format', 'bagit', '--out', bag, '--include', 'excerpts'])).code,
    ).toBe(0);
    const file = join(bag, 'data', 'case', 'case.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.activity[0].actor = 'X'.repeat(record.activity[0].actor.length); // same size: Payload-Oxum holds
    const edited = `${JSON.stringify(record, null, 2)}\n`;
    writeFileSync(file, edited);
    // A forger also rewrites the manifest line and the tag manifest line: only the chain can tell.
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const manifestFile = join(bag, 'manifest-sha256.txt');
    const manifest = readFileSync(manifestFile, 'utf8').replace(
      /^[0-9a-f]{64}(?=  data\/case\/case\.json$)/m,
      sha(edited),
    );
    writeFileSync(manifestFile, manifest);
    const tagFile = join(bag, 'tagmanifest-sha256.txt');
    writeFileSync(
      tagFile,
      readFileSync(tagFile, 'utf8').replace(/^[0-9a-f]{64}(?=  manifest-sha256\.txt$)/m, sha(manifest)),
    );
    const bad = await run(runVerifyCommand, [bag]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('data/case/case.json: activity chain broken: activity entry 1 hash expected');
  }, 120_000);

  it('pseudonymizes subject ids with a keyed hash that is not stored in the bag', async () => {
    const bag = join(work, 'bag-pseudo');
    const keyFile = join(work, 'key.txt');
    writeFileSync(keyFile, 'a secret only the exporter holds\n');
    const { code } = await run(runReportCommand, [
      ...sample,
      '--format',
      'bagit',
      '--out',
      bag,
      '--pseudonym-key-file',
      keyFile,
    ]);
    expect(code).toBe(0);
    expect((await run(runVerifyCommand, [bag])).code).toBe(0);
    const html = readFileSync(join(bag, 'data', 'report', 'report.html'), 'utf8');
    const excerpt = readFileSync(join(bag, 'data', 'excerpts', 'decisions.jsonl.excerpt.jsonl'), 'utf8');
    const subject = JSON.parse(
      readFileSync('assets/sample/decisions.jsonl', 'utf8')
        .split('\n')
        .find((l) => l.includes(`"${truth.caseDecisionId}"`))!,
    ).subject_id;
    for (const text of [html, excerpt]) {
      expect(text).not.toContain(subject);
      expect(text).toMatch(/pseud-[0-9a-f]{20}/);
    }
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).not.toContain('a secret');
  }, 120_000);

  it('prints the report to PDF with headless Chromium', async () => {
    const out = join(work, 'report.pdf');
    const { code } = await run(runReportCommand, [...sample, '--format', 'pdf', '--out', out]);
    expect(code).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThan(2);
  }, 120_000);

  it('exits 2 naming a missing option or an unknown decision', async () => {
    expect((await run(runReportCommand, ['--decision', 'd-1', '--format', 'html', '--out', 'x'])).err).toContain(
      '--source PATH is required',
    );
    expect((await run(runReportCommand, [...sample, '--format', 'docx', '--out', 'x'])).code).toBe(2);
    expect((await run(runVerifyCommand, [])).code).toBe(2);
  });
});

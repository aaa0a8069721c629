import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTraceCommand } from './trace-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'li-trace-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTraceCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lineage-investigator trace', () => {
  it('prints the card of the sample case as JSON, with ids as FORMATS.md names them and file:line evidence', async () => {
    const { code, out } = await run(['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--json']);
    expect(code).toBe(0);
    const card = JSON.parse(out);
    expect(Object.keys(card)).toEqual(['decision', 'feature', 'asOf', 'path', 'answers', 'gaps']);
    expect(card.feature).toBe(truth.feature.name); // the decision's first feature
    const job = card.path.find((p: { node: string }) => p.node === truth.feature.job);
    expect(job).toMatchObject({
      kind: 'job',
      version: truth.mergeCommit,
      evidence: { source: 'openlineage-events.ndjson' },
    });
    expect(job.evidence.line).toBeGreaterThan(0);
    expect(card.path[2].node).toBe(truth.feature.dataset);
    expect(Object.keys(card.answers)).toEqual([
      'origin',
      'sourceEvent',
      'transformation',
      'versionAtInference',
      'approvedBy',
      'deployedAt',
      'environment',
      'environmentMatchesApproval',
    ]);
    expect(card.answers.versionAtInference.value.commit).toBe(truth.plantedCommit);
    expect(card.answers.deployedAt.evidence[0]).toEqual({ source: 'deployments.jsonl', line: expect.any(Number) });
    expect(card.answers.environmentMatchesApproval.value).toBe(false);
  }, 60_000);

  it('reconstructs as of an earlier moment and prints a readable card without --json', async () => {
    const before = new Date(Date.parse(truth.onset.timestamp) - 7 * 86_400_000).toISOString();
    const { code, out } = await run([
      '--source',
      'assets/sample',
      '--decision',
      truth.caseDecisionId,
      '--as-of',
      before,
    ]);
    expect(code).toBe(0);
    expect(out).toContain(`Version at inference: ${truth.lastGoodCommit}`);
  }, 60_000);

  it('exits 2 naming an unknown decision, a missing option or a bad time', async () => {
    const unknown = await run(['--source', 'assets/sample', '--decision', 'd-missing', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('d-missing');
    expect((await run(['--decision', 'd-1'])).err).toContain('--source PATH is required');
    expect((await run(['--source', 'x', '--decision', 'd', '--as-of', 'yesterday'])).code).toBe(2);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/case/activity-log.js';
import { caseFromActivity, recordAction } from '../../shared/case/case-actions.js';
import type { CaseRecord } from '../../shared/case/case-types.js';
import { runCaseCommand } from './case-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'li-case-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const at = (name: string) => join(work, name);

function keyFile(name: string): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(at(name), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return at(name);
}
const investigatorKey = keyFile('maria.pem');
const reviewerKey = keyFile('rui.pem');
const otherKey = keyFile('other.pem');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCaseCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function localCase(): Promise<CaseRecord> {
  const act = { time: '2026-03-02T09:00:00Z', actor: 'maria' };
  let r = await recordAction(
    undefined,
    {
      ...act,
      action: 'case.opened',
      payload: {
        id: 'case-sample',
        title: 'Refused loan',
        severity: 'high',
        owner: 'maria',
        decisionIds: [truth.caseDecisionId],
      },
    },
    sha256,
  );
  r = await recordAction(r, { ...act, action: 'step.completed', payload: { step: 'identify' } }, sha256);
  return recordAction(
    r,
    {
      ...act,
      action: 'root-cause.confirmed',
      payload: { statement: 'The planted commit.', changeIds: [truth.plantedCommit] },
    },
    sha256,
  );
}

const writeJson = (name: string, value: unknown) => {
  writeFileSync(at(name), JSON.stringify(value));
  return at(name);
};

describe('lineage-investigator case export | review | merge | show', () => {
  beforeAll(async () => {
    writeJson('local.json', await localCase());
    const exported = await run([
      'export',
      '--source',
      'assets/sample',
      '--decision',
      truth.caseDecisionId,
      '--case',
      at('local.json'),
      '--out',
      at('case-file.json'),
      '--as',
      'maria',
      '--signing-key',
      investigatorKey,
    ]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const reviewed = await run([
      'review',
      at('case-file.json'),
      '--out',
      at('reviewed.json'),
      '--as',
      'rui',
      '--signing-key',
      reviewerKey,
      '--annotate',
      `change:${truth.plantedCommit}=Threshold in cents, seen in the diff`,
      '--tag',
      'confirmed',
      '--verdict',
      'agree',
      '--comment',
      'The root cause holds.',
    ]);
    expect(reviewed.code).toBe(0);
    expect(reviewed.out).toMatch(/2 review entries \(4-5\) signed by rui sha256:[0-9a-f]{64}/);
  }, 120_000);

  it('exports the cited records, the subgraph and the chain; show prints who signed and OpenSSL agrees', async () => {
    const file = JSON.parse(readFileSync(at('case-file.json'), 'utf8'));
    expect(file.format).toBe('lineage-investigator.case-file.v1');
    expect(file.activity).toHaveLength(3);
    // The cited decision line is the decision's own line of the sample's log, with its SHA-256.
    const decisionLine = readFileSync('assets/sample/decisions.jsonl', 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(`"${truth.caseDecisionId}"`));
    const cited = file.content.evidence.find(
      (e: { name: string; entry: { line?: number } }) =>
        e.name === 'decisions.jsonl' && e.entry.line === decisionLine + 1,
    );
    expect(cited.sha256).toBe(sha256(JSON.stringify({ line: decisionLine + 1, text: cited.entry.text })));
    expect(file.content.subgraph.nodes.length).toBeGreaterThan(3);
    const shown = await run(['show', at('case-file.json'), '--key', investigatorKey, '--extract', at('sigs')]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^Signed: investigator maria sha256:[0-9a-f]{64} at \S+, entries 1-3/m);
    expect(shown.out).toMatch(/^INTACT .*the chain, 1 signature and [\d,]+ evidence records? hold$/m);
    const openssl = execFileSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      at('sigs/signer-1.pem'),
      '-rawin',
      '-in',
      at('sigs/signed-1.txt'),
      '-sigfile',
      at('sigs/signature-1.bin'),
    ]).toString();
    expect(openssl).toMatch(/Signature Verified Successfully/);
    const pinnedOther = await run(['show', at('case-file.json'), '--key', otherKey]);
    expect(pinnedOther.code).toBe(3);
  });

  it("merges the review into the investigator's case; a second merge adds nothing", async () => {
    const shown = await run(['show', at('reviewed.json')]);
    expect(shown.out).toMatch(/^Signed: reviewer rui sha256:[0-9a-f]{64} at \S+, entries 4-5/m);
    expect(shown.out).toContain(`Review 4 rui`);
    expect(shown.out).toMatch(/Review 5 rui \S+ verdict agree: The root cause holds\./);
    const merged = await run([
      'merge',
      at('reviewed.json'),
      '--case',
      at('local.json'),
      '--out',
      at('merged.json'),
      '--as',
      'maria',
      '--signing-key',
      investigatorKey,
    ]);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/^MERGED .*: 2 reviewer entries appended as signed, reviewed by rui sha256:/);
    const record = JSON.parse(readFileSync(at('merged.json'), 'utf8')) as CaseRecord;
    expect((await verifyChain(record.activity, sha256)).ok).toBe(true);
    const c = caseFromActivity(record.activity);
    expect(c.reviews?.map((r) => `${r.reviewer} ${r.verdict}`)).toEqual(['rui agree']);
    expect(c.annotations.map((a) => [a.author, a.target.id, a.tags])).toEqual([
      ['rui', truth.plantedCommit, ['confirmed']],
    ]);
    const again = await run([
      'merge',
      at('reviewed.json'),
      '--case',
      at('merged.json'),
      '--out',
      at('merged2.json'),
      '--signing-key',
      investigatorKey,
    ]);
    expect(again.out).toMatch(/^ALREADY MERGED/);
  });

  it('names a tampered verdict, a foreign investigator key and a local log that advanced', async () => {
    const tampered = readFileSync(at('reviewed.json'), 'utf8').replace('"verdict": "agree"', '"verdict": "disagree"');
    writeFileSync(at('tampered.json'), tampered);
    const shown = await run(['show', at('tampered.json')]);
    expect(shown.code).toBe(1);
    expect(shown.err).toMatch(
      /FAILED .*tampered\.json: activity entry 5 hash expected [0-9a-f]{64}, actual [0-9a-f]{64}/,
    );
    const m1 = await run([
      'merge',
      at('tampered.json'),
      '--case',
      at('local.json'),
      '--out',
      at('x.json'),
      '--signing-key',
      investigatorKey,
    ]);
    expect(m1.code).toBe(1);
    expect(m1.err).toMatch(/^file-unverified: activity entry 5 hash/m);
    expect(m1.err).toMatch(/reviewer entry 5 rui \S+ verdict disagree/);

    const m2 = await run([
      'merge',
      at('reviewed.json'),
      '--case',
      at('local.json'),
      '--out',
      at('x.json'),
      '--signing-key',
      otherKey,
    ]);
    expect(m2.err).toMatch(/^other-investigator: The file was exported under the key sha256:[0-9a-f]+, not yours/m);

    const local = JSON.parse(readFileSync(at('local.json'), 'utf8')) as CaseRecord;
    const advanced = await recordAction(
      local,
      { time: '2026-03-03T10:00:00Z', actor: 'maria', action: 'step.completed', payload: { step: 'document' } },
      sha256,
    );
    writeJson('advanced.json', advanced);
    const m3 = await run([
      'merge',
      at('reviewed.json'),
      '--case',
      at('advanced.json'),
      '--out',
      at('x.json'),
      '--signing-key',
      investigatorKey,
    ]);
    expect(m3.code).toBe(1);
    expect(m3.err).toContain(
      "advanced: Your case's log advanced by 1 entries since the file was exported (entries 4-4)",
    );
    const m4 = await run([
      'merge',
      at('reviewed.json'),
      '--case',
      at('advanced.json'),
      '--out',
      at('x.json'),
      '--signing-key',
      investigatorKey,
      '--rechain',
    ]);
    expect(m4.code).toBe(0);
    expect(m4.out).toMatch(/2 reviewer entries chained anew after your entries/);
  });
});

describe('a case file that is no file', () => {
  it('a FIFO given to show, review or merge is refused with its path, never waited on', async () => {
    const fifo = at('case-file.fifo');
    execFileSync('mkfifo', [fifo]);
    const refused = `${fifo}: a FIFO (named pipe), not a case file: not read`;
    await expect(run(['show', fifo])).rejects.toThrow(refused);
    await expect(run(['review', fifo, '--out', at('r.json'), '--verdict', 'agree', '--comment', 'ok'])).rejects.toThrow(
      refused,
    );
    writeJson('fifo-local.json', await localCase());
    await expect(run(['merge', fifo, '--case', at('fifo-local.json'), '--out', at('m.json')])).rejects.toThrow(refused);
  }, 20_000);
});

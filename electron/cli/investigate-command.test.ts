import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from './investigate-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'li-investigate-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInvestigateCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Suspect {
  changeId: string;
  kind: string;
  summary: string;
  score: number;
  reasons: Array<{ term: string; value: number }>;
}

describe('lineage-investigator investigate on the sample', () => {
  it('scopes, ranks the planted change first, flags its governance, and plans rollback and replay', async () => {
    const { code, out } = await run(['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual([
      'decision',
      'model',
      'scope',
      'onset',
      'versionAtInference',
      'trace',
      'suspects',
      'governance',
      'remediation',
    ]);
    expect(r.decision).toBe(truth.caseDecisionId);
    expect(r.scope).toMatchObject({
      method: 'blast-radius',
      affectedDecisions: truth.decisions.affected,
      affectedSubjects: expect.any(Number),
      throughDecision: { decisions: expect.any(Number), subjects: expect.any(Number) },
      window: { from: new Date(truth.onset.timestamp).toISOString(), to: expect.any(String) },
    });
    expect(r.scope.throughDecision.decisions).toBeLessThanOrEqual(r.scope.affectedDecisions);
    // The sample's cause reached every subject alike: the upper bound is the radius itself.
    expect(r.scope.upperBound).toEqual({ decisions: r.scope.affectedDecisions, subjects: r.scope.affectedSubjects });
    expect(r.onset).toMatchObject({ method: 'change-point', seriesBy: 'feature_version' });
    expect(r.versionAtInference).toMatchObject({
      commit: truth.plantedCommit,
      deployedCommit: truth.mergeCommit,
      path: truth.feature.path,
    });
    const suspects = r.suspects as Suspect[];
    expect(Object.keys(suspects[0] as Suspect)).toEqual([
      'changeId',
      'kind',
      'summary',
      'effectiveTime',
      'consistency',
      'reach',
      'repository',
      'score',
      'reasons',
    ]);
    expect(suspects[0]?.changeId).toBe(truth.plantedCommit);
    const terms = Object.fromEntries((suspects[0] as Suspect).reasons.map((x) => [x.term, x.value]));
    expect(terms).toMatchObject({ timing: 1, distance: 1, 'touched field': 1 });
    // Every distractor that is not upstream, docs or tests only, or after the onset stays out of the list.
    // A commit never merged is at most a candidate, labelled so, below every change that ran.
    for (const d of truth.distractors as Array<{ id: string; why: string }>) {
      const listed = suspects.find((s) => s.changeId === d.id) as
        (Suspect & { consistency: { verdict: string } }) | undefined;
      if (/never on main/.test(d.why) && listed) expect(listed.consistency.verdict).toBe('never-ran');
      else if (/not upstream|only|after the onset/.test(d.why) && !/^Touches/.test(d.why))
        expect(listed).toBeUndefined();
    }
    const gov = r.governance.find((g: { changeId: string }) => g.changeId === truth.plantedCommit);
    expect(gov.verdict).toBe('violation');
    const texts = gov.findings.map((f: { text: string }) => f.text).join('\n');
    expect(texts).toContain(`Pull request #${truth.pullRequest} was merged without a valid approving review`);
    expect(texts).toContain('without a prior staging deployment');
    const deployed = gov.findings.find((f: { text: string }) => f.text.includes(truth.productionDeploymentId));
    expect(deployed.evidence).toEqual({ source: 'deployments.jsonl', line: expect.any(Number) });
    const [good] = r.remediation.lastKnownGood;
    expect(good.version).toBe(truth.lastGoodCommit);
    expect(good.featureVersion).toBe(truth.featureVersion.before);
    expect(good.rate).toBeLessThan(truth.decisions.rejectionRateAfter);
    expect(r.remediation.rollback[0].rollback).toContain(`git revert -m 1 ${truth.mergeCommit}`);
    expect(r.remediation.rollback[0].estimate).toMatch(/h from merge to production \(median of \d+ past changes\)/);
    expect(r.remediation.replay.jobs).toEqual([truth.feature.job]);
    expect(r.remediation.replay.runs[0].runId).toBe(truth.firstBadRun.runId);
  }, 90_000);

  it('takes the investigator’s onset and look-back', async () => {
    const { code, out } = await run([
      '--source',
      'assets/sample',
      '--decision',
      truth.caseDecisionId,
      '--onset',
      truth.featureVersion.after,
      '--lookback-days',
      '3',
      '--json',
    ]);
    expect(code).toBe(0);
    const ids = (JSON.parse(out).suspects as Suspect[]).map((s) => s.changeId);
    expect(ids[0]).toBe(truth.plantedCommit);
    expect(ids).not.toContain(truth.lastGoodCommit); // weeks before: outside a 3-day look-back
  }, 90_000);

  it('counts the same decision log once, whether given again, copied or linked', async () => {
    const plain = JSON.parse(
      (await run(['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--json'])).out,
    );
    const folder = mkdtempSync(join(dataDir, 'sample-'));
    for (const f of readdirSync('assets/sample')) copyFileSync(join('assets/sample', f), join(folder, f));
    const log = readdirSync(folder).find((f) => readFileSync(join(folder, f), 'utf8').startsWith('{"decision_id"'))!;
    copyFileSync(join(folder, log), join(folder, `copy-of-${log}`));
    symlinkSync(log, join(folder, `link-to-${log}`));
    symlinkSync(resolve('assets/sample'), join(folder, 'the-sample'));
    const { code, out, err } = await run([
      '--source',
      folder,
      '--source',
      join(folder, log),
      '--decision',
      truth.caseDecisionId,
      '--json',
    ]);
    expect(code).toBe(0);
    const twice = JSON.parse(out);
    expect(twice.scope).toEqual(plain.scope);
    expect(twice.suspects).toEqual(plain.suspects);
    const duplicates = err.split('\n').filter((l) => l.endsWith(': read once'));
    // Of the four paths to the same log (folder, copy, link, linked folder), one is read, three are duplicates.
    const paths = [log, `copy-of-${log}`, `link-to-${log}`, `the-sample/${log}`].map((f) => join(folder, f));
    const named = new Set(duplicates.map((l) => l.slice(0, l.indexOf(': duplicate of '))));
    expect(paths.filter((p) => named.has(p))).toHaveLength(3);
  }, 90_000);

  it('exits 2 on usage errors, naming what is wrong', async () => {
    expect((await run(['--decision', 'd-1', '--json'])).err).toContain('--source PATH is required');
    const bad = await run(['--source', 'x', '--decision', 'd', '--lookback-days', 'ten', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--lookback-days must be a positive whole number, not ten');
    const unknown = await run(['--source', 'assets/sample', '--decision', 'd-missing', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown decision: d-missing');
  }, 90_000);
});

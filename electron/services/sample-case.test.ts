/**
 * The built-in sample investigation, end to end and headless: the main-process service loads it, the
 * importers read every file, and the seven steps' analysis must find the planted incident that the
 * generator's answer key (ground-truth.json, never read by the app) records.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChanges } from '../../shared/analysis/changes.js';
import { validateGovernance } from '../../shared/analysis/governance.js';
import { planRemediation } from '../../shared/analysis/remediation.js';
import { scopeImpact } from '../../shared/analysis/scope.js';
import { traceDecision } from '../../shared/analysis/trace.js';
import { importInput } from '../../shared/importers/index.js';
import type { SampleCase } from '../../shared/ipc/contract.js';
import { toEvidenceSet, type EvidenceSet } from '../../shared/model/evidence-set.js';
import { renderCaseMarkdown } from '../../shared/report/case-markdown.js';
import { createGitRunner } from './git-runner.js';
import { createServices } from './services.js';

const sampleDir = join(process.cwd(), 'assets/sample');
const truth = JSON.parse(readFileSync(join(sampleDir, 'ground-truth.json'), 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'li-sample-'));
let sample: SampleCase;
let set: EvidenceSet;

beforeAll(async () => {
  const { handlers } = createServices({
    appName: 'lineage-investigator',
    appVersion: '0',
    mode: 'web',
    platform: process.platform,
    sampleDir,
    dataDir,
    git: createGitRunner(),
  });
  sample = await handlers['sample:load']({});
  const results = sample.files.map((f) => importInput(f));
  for (const r of results) expect(r.rejections, r.detected).toEqual([]);
  set = toEvidenceSet(results.flatMap((r) => r.records));
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the built-in sample investigation', () => {
  it('detects every input by its content and never sends the answer key', () => {
    const detected = sample.files.map((f) => importInput(f).detected).sort();
    expect(detected).toEqual(
      ['audit-log', 'decision-log', 'deployments', 'enforcement-log', 'git-log', 'openlineage', 'pull-requests'].sort(),
    );
    expect(sample.files.some((f) => f.text.includes(truth.plantedCommit) && f.name.includes('ground-truth'))).toBe(
      false,
    );
  });

  it('walks from the case decision to the planted change, its governance and its rollback', () => {
    const decision = set.decisions.find((d) => d.decisionId === sample.decisionId)!;
    const scope = scopeImpact(set, decision, sample.featureName);
    expect(scope.version).toBe(truth.featureVersion.after);
    expect(scope.decisions).toBe(truth.decisions.affected);
    expect(Date.parse(scope.first ?? '')).toBe(Date.parse(truth.onset.timestamp));

    const trace = traceDecision(set, decision, sample.featureName);
    const job = trace.nodes.find((n) => n.id === truth.feature.job);
    expect(job?.version).toBe(truth.mergeCommit);
    expect(trace.nodes.some((n) => n.kind === 'source')).toBe(true);

    const changes = findChanges(set, trace, scope);
    expect(changes.changes[0]?.id).toBe(truth.plantedCommit);

    const [gov] = validateGovernance(set, changes.changes.slice(0, 1));
    expect(gov?.pullRequest).toBe(truth.pullRequest);
    expect(gov?.approved).toBe(false);
    expect(gov?.verdict).toBe('violation');
    expect(gov?.deployments.map((d) => d.id)).toContain(truth.productionDeploymentId);
    expect(gov?.findings.some((f) => !f.ok && /without a prior staging deployment/.test(f.text))).toBe(true);

    const [plan] = planRemediation(set, changes.changes, trace);
    expect(plan?.previousCommit).toBe(truth.lastGoodCommit);
    expect(plan?.rollback).toContain(truth.mergeCommit);

    const md = renderCaseMarkdown({
      title: sample.title,
      generatedAt: new Date().toISOString(),
      timeZone: 'UTC',
      decision,
      featureName: sample.featureName,
      scope,
      trace,
      changes,
      governance: validateGovernance(set, changes.changes),
      remediation: planRemediation(set, changes.changes, trace),
      notes: [],
    });
    expect(md).toContain(`Top-ranked change: commit \`${truth.plantedCommit}\``);
  });
});

import { describe, expect, it } from 'vitest';
import { findChanges } from './changes';
import { validateGovernance } from './governance';
import { searchDecisions } from './identify';
import { planRemediation } from './remediation';
import { scopeImpact } from './scope';
import { SHA, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const set = testEvidence();
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!; // day 11, feature v2

describe('the seven steps on a small pipeline', () => {
  it('finds decisions by subject and action', () => {
    const found = searchDecisions(set.decisions, 'u-2 reject');
    expect(found.map((d) => d.decisionId)).toEqual(['d-23']);
    expect(searchDecisions(set.decisions, '').length).toBe(24);
  });

  it('scopes the decisions that used the same feature version', () => {
    const scope = scopeImpact(set, wrong, 'flag');
    expect(scope.versionKind).toBe('feature_version');
    expect(scope.decisions).toBe(6);
    expect(scope.first).toBe('2026-10-10T12:00:00Z');
    expect(scope.bucket).toBe('hour');
    expect(scope.histogram.reduce((s, b) => s + b.count, 0)).toBe(6);
  });

  it('traces the lineage as of the decision, at the versions it read', () => {
    const trace = traceDecision(set, wrong, 'flag');
    const features = trace.nodes.find((n) => n.id === 'wh:features');
    expect(features?.version).toBe('features-11');
    const job = trace.nodes.find((n) => n.id === 'p:features');
    expect(job?.version).toBe(SHA.badMerge);
    const profile = trace.nodes.find((n) => n.id === 'wh:profile');
    expect(profile?.version).toBe('profile-11');
    expect(profile?.details['traced fields']).toBe('ltv');
    expect(trace.nodes.find((n) => n.id === 'src:events')?.kind).toBe('source');
    expect(trace.gaps).toEqual([]);
  });

  it('traces an earlier decision to the earlier code version', () => {
    const early = set.decisions.find((d) => d.decisionId === 'd-10')!;
    const trace = traceDecision(set, early, 'flag');
    expect(trace.nodes.find((n) => n.id === 'p:features')?.version).toBe(SHA.good);
  });

  it('re-draws the lineage as of an earlier moment, before the bad version', () => {
    const trace = traceDecision(set, wrong, 'flag', { asOf: '2026-10-05T12:00:00Z' });
    expect(trace.asOf).toBe('2026-10-05T12:00:00Z');
    expect(trace.nodes.find((n) => n.id === 'p:features')?.version).toBe(SHA.good);
    expect(trace.nodes.find((n) => n.id === 'wh:features')?.version).toBe('features-5');
  });

  it('ranks the unapproved logic change first, and governance flags it', () => {
    const trace = traceDecision(set, wrong, 'flag');
    const changes = findChanges(set, trace, scopeImpact(set, wrong, 'flag'));
    const ids = changes.changes.map((c) => c.id);
    expect(ids[0]).toBe(SHA.bad);
    expect(ids).toContain('a-2');
    expect(ids).not.toContain('a-1'); // an unrelated destination
    expect(ids).not.toContain(SHA.docs); // touches no traced code
    expect(ids).not.toContain(SHA.later); // after the onset
    const gov = validateGovernance(set, changes.changes);
    const bad = gov.find((g) => g.changeId === SHA.bad)!;
    expect(bad.pullRequest).toBe(3);
    expect(bad.approved).toBe(false);
    expect(bad.verdict).toBe('violation');
    expect(bad.findings.some((f) => /without a prior staging/.test(f.text))).toBe(true);
    expect(gov.find((g) => g.changeId === 'a-2')?.verdict).toBe('violation');
  });

  it('finds the last known-good version and the revert of the merge', () => {
    const trace = traceDecision(set, wrong, 'flag');
    const changes = findChanges(set, trace, scopeImpact(set, wrong, 'flag'));
    const [plan] = planRemediation(set, changes.changes, trace);
    expect(plan?.previousCommit).toBe(SHA.good);
    expect(plan?.rollback).toContain(`git revert -m 1 ${SHA.badMerge}`);
    // Faster than the revert: what production ran before the deployment that shipped the change.
    expect(plan?.redeploy).toMatchObject({ deployment: 'dep-4', commit: SHA.good, environment: 'production' });
  });

  it('rolls a deployment back by redeploying what the environment ran before it', () => {
    const trace = traceDecision(set, wrong, 'flag');
    const asChange = { id: 'dep-5', kind: 'deployment', touches: ['p:features'], paths: [], timestamp: '' };
    const [plan] = planRemediation(set, [asChange], trace, 1, 'production');
    expect(plan?.redeploy).toMatchObject({ deployment: 'dep-4', commit: SHA.good, environment: 'production' });
    expect(plan?.rollback).toContain(`Redeploy ${SHA.good} to production`);
  });
});

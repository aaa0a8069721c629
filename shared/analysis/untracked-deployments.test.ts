import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Deployment, EvidenceRecord } from '../model/records';
import { findSuspects } from './changes';
import { SHA, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

// The upstream job `clean` keeps no code location in its runs; a whole-repository deployment on day 9 (another
// commit than the one before) may have changed its code — unless all it shipped was documentation.
const base = testEvidence();
const docsCommit = base.commits.find((c) => c.sha === SHA.docs)!;
// After the docs commit, someone edits a script nothing locates (the code `clean` may run).
const script = {
  ...docsCommit,
  sha: 'b'.repeat(40),
  parents: [SHA.docs],
  subject: 'tune the cleaning script',
  changedPaths: [{ status: 'M', path: 'scripts/clean_nulls.py' }],
};
const wholeDeployment = (commit: string): Deployment => ({
  kind: 'deployment',
  id: 'dep-whole',
  timestamp: '2026-10-09T06:00:00Z',
  environment: 'production',
  commit,
  provenance: { sourceId: 'test-source', line: 903 },
});
const investigate = (commit: string) => {
  const records: EvidenceRecord[] = [
    ...base.commits,
    script,
    ...base.pullRequests,
    ...base.deployments.filter((d) => d.id !== 'dep-5'),
    ...base.runs.map((r) => (r.job.name === 'clean' ? { ...r, sourceCodeLocation: undefined } : r)),
    ...base.decisions,
    wholeDeployment(commit),
  ];
  const set = toEvidenceSet(records);
  const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;
  return findSuspects(set, traceDecision(set, wrong, 'flag')).suspects.find((s) => s.id === 'dep-whole');
};

describe('deployments that may have changed a job without a code location', () => {
  it('lists a whole-repository deployment as a possible change of that job, scored unknown', () => {
    const found = investigate(script.sha);
    expect(found?.touches).toEqual(['p:clean']);
    expect(found?.summary).toContain('possibly p:clean');
    expect(found?.reasons.find((r) => r.term === 'kind')?.value).toBe(0.5);
  });

  it('does not list one that shipped only documentation: it cannot have changed any job’s code', () => {
    expect(investigate(SHA.docs)).toBeUndefined();
  });
});

describe('one release deploying a commit to several components', () => {
  // Day 9: the release of the bad merge names two components, the feature job (its code is known and the merge
  // changed it) and `clean` (no code location).
  const at = '2026-10-09T00:00:00Z';
  const component = (id: string, name: string, line: number): Deployment => ({
    kind: 'deployment',
    id,
    timestamp: at,
    environment: 'production',
    commit: SHA.badMerge,
    component: name,
    provenance: { sourceId: 'test-source', line },
  });
  const release = (...deployments: Deployment[]) => {
    const s = toEvidenceSet([
      ...base.commits,
      ...base.pullRequests,
      ...base.deployments.filter((d) => d.id !== 'dep-5'),
      ...base.runs.map((r) => (r.job.name === 'clean' ? { ...r, sourceCodeLocation: undefined } : r)),
      ...base.decisions,
      ...deployments,
    ]);
    const decision = s.decisions.find((d) => d.decisionId === 'd-23')!;
    return findSuspects(s, traceDecision(s, decision, 'flag')).suspects;
  };
  const kindOf = (suspects: ReturnType<typeof release>, id: string) =>
    suspects.find((s) => s.id === id)?.reasons.find((r) => r.term === 'kind');

  it('scores the component whose code is not known below a sure change, naming the deployment that changed code', () => {
    const suspects = release(component('dep-clean', 'p:clean', 910), component('dep-features', 'p:features', 911));
    const kind = kindOf(suspects, 'dep-clean');
    expect(kind?.value).toBeLessThan(1);
    expect(kind?.note).toContain('dep-features');
  });

  it('scores it as a change of that job when no other component of the release changed known code', () => {
    expect(kindOf(release(component('dep-clean', 'p:clean', 910)), 'dep-clean')?.value).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord, LineageRunEvent, PullRequest } from '../model/records';
import { validateGovernance } from './governance';
import { SHA, testEvidence } from './test-evidence';

// A squash merge: the commit on the default branch names no pull request, and the export has neither its head nor
// its merge commit. The CI run that executed the commit named the pull request (sourceCodeLocation.pullRequestNumber).
const base = testEvidence();
const squashed: PullRequest = {
  kind: 'pull-request',
  number: 9,
  title: 'docs',
  author: 'ann',
  mergedAt: '2026-10-06T00:00:00Z',
  reviews: [{ user: 'cy', state: 'APPROVED', submittedAt: '2026-10-05T00:00:00Z' }],
  provenance: { sourceId: 'prs.json', line: 9 },
};
const ciRun = (pullRequestNumber?: number): LineageRunEvent => {
  const run = base.runs.find((r) => r.job.name === 'features') as LineageRunEvent;
  return {
    ...run,
    runId: 'ci-run',
    sourceCodeLocation: { ...run.sourceCodeLocation, version: SHA.docs, pullRequestNumber },
    provenance: { sourceId: 'ci-events.json', line: 1 },
  };
};
const approval = (pullRequestNumber?: number) => {
  const records: EvidenceRecord[] = [
    ...base.commits,
    ...base.pullRequests,
    squashed,
    ...base.deployments,
    ...base.runs,
    ciRun(pullRequestNumber),
  ];
  const trace = { jobs: [{ id: 'p:features', codePath: 'features/flag.sql' }] } as never;
  const change = {
    id: SHA.docs,
    kind: 'commit',
    touches: ['p:features'],
    paths: ['README.md'],
    timestamp: '2026-10-06T00:00:00Z',
  };
  const [row] = validateGovernance(toEvidenceSet(records), [change], { trace, asOf: '2026-10-11T12:00:00Z' });
  return row!;
};

describe("the pull request a run's CI named", () => {
  it('links the commit it executed to that pull request where the history names none, saying so', () => {
    const row = approval(9);
    expect(row.pullRequest).toBe(9);
    expect(row.approvers).toEqual(['cy']);
    expect(row.findings.find((f) => f.text.includes('#9 approved by cy'))?.ok).toBe(true);
    expect(row.findings.some((f) => f.text.includes('run ci-run') && f.evidence?.sourceId === 'ci-events.json')).toBe(
      true,
    );
  });

  it('without it, the commit came through no pull request', () => {
    const row = approval(undefined);
    expect(row.pullRequest).toBeUndefined();
    expect(row.findings.find((f) => f.text.includes('No pull request brought'))?.ok).toBe(false);
  });
});

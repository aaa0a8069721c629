import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Deployment, EvidenceRecord } from '../model/records';
import { findSuspects } from './changes';
import { SHA, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

// The upstream job `clean` keeps no code location in its runs; a whole-repository deployment on day 9 (another
// commit than the one before) may have changed its code.
const base = testEvidence();
const whole: Deployment = {
  kind: 'deployment',
  id: 'dep-whole',
  timestamp: '2026-10-09T06:00:00Z',
  environment: 'production',
  commit: SHA.docs,
  provenance: { sourceId: 'test-source', line: 903 },
};
const records: EvidenceRecord[] = [
  ...base.commits,
  ...base.pullRequests,
  ...base.deployments.filter((d) => d.id !== 'dep-5'),
  ...base.runs.map((r) => (r.job.name === 'clean' ? { ...r, sourceCodeLocation: undefined } : r)),
  ...base.decisions,
  whole,
];
const set = toEvidenceSet(records);
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;

describe('deployments that may have changed a job without a code location', () => {
  const { suspects } = findSuspects(set, traceDecision(set, wrong, 'flag'));
  const found = suspects.find((s) => s.id === 'dep-whole');

  it('lists a whole-repository deployment as a possible change of that job, scored unknown', () => {
    expect(found?.touches).toEqual(['p:clean']);
    expect(found?.summary).toContain('possibly p:clean');
    expect(found?.reasons.find((r) => r.term === 'kind')?.value).toBe(0.5);
  });
});

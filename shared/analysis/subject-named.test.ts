import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry } from '../model/records';
import { findSuspects } from './changes';
import { testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const set = testEvidence();
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;

describe('a change that names the decision’s subject', () => {
  // A manual merge of the investigated subject's profile, made after the estimated onset but before the decision.
  const merge: AuditEntry = {
    kind: 'audit',
    id: 'merge-1',
    timestamp: '2026-10-11T06:00:00Z',
    actor: 'eve',
    action: 'identity.merged',
    target: { type: 'identity_merge', id: 'wh:profile' },
    channel: 'ui',
    before: { profiles: [wrong.subjectId, 'u-99'] },
    after: { merged: [[wrong.subjectId, 'u-99']] },
    provenance: { sourceId: 'test-source', line: 902 },
  };
  const withMerge = toEvidenceSet([
    ...set.commits,
    ...set.pullRequests,
    ...set.deployments,
    ...set.runs,
    ...set.decisions,
    merge,
  ]);
  const { suspects } = findSuspects(withMerge, traceDecision(withMerge, wrong, 'flag'));

  it('may have reached this decision, but is not placed inside the population shift it came after', () => {
    // Every subject's outcomes shifted on day 10, a day before the merge: the shift has another cause.
    const found = suspects.find((s) => s.id === 'merge-1');
    expect(found?.consistency.verdict).toBe('before');
    expect(found?.consistency.note).toContain('another cause');
    expect(found?.reasons.find((r) => r.term === 'touched field')?.note).toContain(wrong.subjectId);
  });

  it('reached this decision whatever the population rates say when no shift of the population points elsewhere', () => {
    // The same merge where only the investigated decision had the outcome: the population never shifted.
    const quiet = toEvidenceSet([
      ...withMerge.commits,
      ...withMerge.pullRequests,
      ...withMerge.deployments,
      ...withMerge.runs,
      ...withMerge.decisions.map((d) => (d === wrong ? d : { ...d, action: 'approve' })),
      merge,
    ]);
    const found = findSuspects(quiet, traceDecision(quiet, wrong, 'flag')).suspects.find((s) => s.id === 'merge-1');
    expect(found?.consistency.verdict).toBe('inside');
    expect(found?.reasons.find((r) => r.term === 'touched field')?.note).toContain(wrong.subjectId);
  });

  it('a merge of other subjects of the decision log is cleared for this decision', () => {
    const other = {
      ...merge,
      id: 'merge-2',
      before: { profiles: ['u-3', 'u-5'] },
      after: { merged: [['u-3', 'u-5']] },
    };
    const both = toEvidenceSet([...withMerge.runs, ...withMerge.decisions, ...withMerge.commits, other]);
    const found = findSuspects(both, traceDecision(both, wrong, 'flag')).suspects.find((s) => s.id === 'merge-2');
    expect(wrong.subjectId).not.toBe('u-3');
    expect(found?.consistency.verdict).toBe('cleared');
    expect(found?.consistency.note).toContain('u-3');
  });
});

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

  it('reached this decision whatever the population rates say, and is searched up to the decision', () => {
    const found = suspects.find((s) => s.id === 'merge-1');
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

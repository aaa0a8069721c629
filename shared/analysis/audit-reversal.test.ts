import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry } from '../model/records';
import { findSuspects } from './changes';
import { testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const set = testEvidence();
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;
const rank = (ids: ReadonlyArray<string>, id: string) => ids.indexOf(id);

describe('a change that undoes an earlier one', () => {
  // A manual merge of the investigated subject's profile, then its unmerge, both before the decision.
  const merge: AuditEntry = {
    kind: 'audit',
    id: 'merge-1',
    timestamp: '2026-10-11T06:00:00Z',
    actor: 'eve',
    action: 'identity.merged',
    target: { type: 'identity_merge', id: 'wh:profile', name: 'merge of 2 profiles' },
    channel: 'ui',
    before: { profiles: [wrong.subjectId, 'u-99'] },
    after: { merged: [[wrong.subjectId, 'u-99']] },
    provenance: { sourceId: 'audit.jsonl', line: 1 },
  };
  const unmerge: AuditEntry = {
    ...merge,
    id: 'unmerge-1',
    timestamp: '2026-10-11T09:00:00Z',
    actor: 'farah',
    action: 'identity.unmerged',
    before: merge.after,
    after: merge.before,
    provenance: { sourceId: 'audit.jsonl', line: 2 },
  };
  // Only the investigated decision had its outcome: no population shift points elsewhere, both reached it.
  const decisions = set.decisions.map((d) => (d === wrong ? d : { ...d, action: 'approve' }));
  const withBoth = toEvidenceSet([
    ...set.commits,
    ...set.pullRequests,
    ...set.deployments,
    ...set.runs,
    ...decisions,
    merge,
    unmerge,
  ]);
  const { suspects } = findSuspects(withBoth, traceDecision(withBoth, wrong, 'flag'));
  const ids = suspects.map((s) => s.id);

  it('is ranked below the change it undoes and says which one', () => {
    const found = suspects.find((s) => s.id === 'unmerge-1');
    expect(found?.inert).toContain('merge-1');
    expect(suspects.find((s) => s.id === 'merge-1')?.consistency.verdict).toBe('inside');
    expect(rank(ids, 'unmerge-1')).toBeGreaterThan(rank(ids, 'merge-1'));
  });

  it('is not inert when the change it undoes was already in place while the data was good (a rollback of a fix)', () => {
    // An edit of the transformation long before the shift, then a restore of the state it found just before it.
    const edit: AuditEntry = {
      kind: 'audit',
      id: 'edit-1',
      timestamp: '2026-10-02T00:00:00Z',
      actor: 'eve',
      action: 'transformation.updated',
      target: { type: 'transformation', id: 'p:clean' },
      channel: 'ui',
      before: { expression: 'a' },
      after: { expression: 'b' },
      provenance: { sourceId: 'audit.jsonl', line: 3 },
    };
    const restore: AuditEntry = {
      ...edit,
      id: 'restore-1',
      timestamp: '2026-10-08T00:30:00Z',
      before: edit.after,
      after: edit.before,
      provenance: { sourceId: 'audit.jsonl', line: 4 },
    };
    const rolled = toEvidenceSet([
      ...set.commits,
      ...set.pullRequests,
      ...set.deployments,
      ...set.runs,
      ...set.decisions,
      edit,
      restore,
    ]);
    const found = findSuspects(rolled, traceDecision(rolled, wrong, 'flag')).suspects;
    expect(found.find((s) => s.id === 'edit-1')?.consistency.verdict).not.toBe('inside');
    expect(found.find((s) => s.id === 'restore-1')?.inert).toBeUndefined();
  });
});

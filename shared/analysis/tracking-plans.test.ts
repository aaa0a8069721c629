import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit } from '../model/records';
import { findSuspects } from './changes';
import { SHA, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const base = testEvidence();
const plan: Commit = {
  kind: 'commit',
  repository: 'repo',
  sha: 'f'.repeat(40),
  parents: [SHA.docs],
  authorName: 'eve',
  authorEmail: 'eve@x.test',
  authorDate: '2026-10-07T00:00:00Z',
  committerName: 'eve',
  committerEmail: 'eve@x.test',
  committerDate: '2026-10-07T00:00:00Z',
  subject: 'retype order_total',
  body: '',
  trailers: [],
  changedPaths: [{ status: 'M', path: 'tracking-plans/checkout.yaml' }],
  provenance: { sourceId: 'test-source', line: 900 },
};
const uiEdit = (id: string, action: string): AuditEntry => ({
  kind: 'audit',
  id,
  timestamp: '2026-10-09T00:00:00Z',
  actor: 'eve',
  action,
  target: { type: 'tracking_plan', id: 'tp_checkout', name: 'checkout' },
  channel: 'ui',
  before: { property: 'order_total', type: 'number' },
  after: { property: 'order_total', type: 'string' },
  provenance: { sourceId: 'test-source', line: 901 },
});
const set = toEvidenceSet([
  ...base.commits,
  ...base.pullRequests,
  ...base.deployments,
  ...base.audit,
  ...base.runs,
  ...base.decisions,
  plan,
  uiEdit('tp-1', 'tracking_plan.updated'),
  uiEdit('tp-2', 'tracking_plan.viewed'),
]);
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;

describe('tracking-plan changes', () => {
  const trace = traceDecision(set, wrong, 'flag');
  const { suspects } = findSuspects(set, trace);

  it('a commit of a tracking-plan file and a tracking-plan edit are suspects on the traced source', () => {
    const commit = suspects.find((s) => s.id === plan.sha);
    expect(commit?.touches).toEqual(['src:events']);
    expect(suspects.find((s) => s.id === 'tp-1')?.touches).toEqual(['src:events']);
  });

  it('they reach the data at the next run of the job that reads the source, not at once', () => {
    const edit = suspects.find((s) => s.id === 'tp-1');
    // The edit on day 9 at midnight reaches the data with the day-9 run of `clean` at 02:00.
    expect(edit?.consistency.dataTime).toBe('2026-10-09T02:00:00.000Z');
  });

  it('viewing a tracking plan changes nothing', () => {
    expect(suspects.some((s) => s.id === 'tp-2')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Decision } from '../model/records';
import { findSuspects } from './changes';
import { dayDecision, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const base = testEvidence();
const day = (d: number, hour = 12) => `2026-10-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/** Eight decisions a day: one in eight rejected until day 6, a noisy day 6 (seven of eight), all rejected from day 7. */
function log(): Decision[] {
  const out: Decision[] = [];
  for (let d = 1; d <= 12; d++)
    for (let k = 0; k < 8; k++) {
      const rejected = d >= 7 || (d === 6 ? k < 7 : k === 0);
      out.push(dayDecision(`x-${d}-${k}`, d, 10 + k, `u-${k}`, rejected, out.length + 1));
    }
  return out;
}

const edit = (id: string, d: number): AuditEntry => ({
  kind: 'audit',
  id,
  timestamp: day(d, 9),
  actor: 'eve',
  action: 'transformation.updated',
  target: { type: 'transformation', id: 'p:clean' },
  channel: 'ui',
  before: { ltv: 'sum(x)' },
  after: { ltv: 'sum(y)' },
  provenance: { sourceId: 'audit.jsonl', line: d },
});

describe('when no change fits the interval the rates allow', () => {
  // The noisy day 6 pulls the best split a run early; the edit of day 6 (09:00) reached the data with day 7's run.
  const set = toEvidenceSet([
    ...base.commits,
    ...base.pullRequests,
    ...base.runs,
    ...log(),
    edit('e-2', 2),
    edit('e-6', 6),
  ]);
  const wrong = set.decisions.find((d) => d.decisionId === 'x-9-3')!;
  const result = findSuspects(set, traceDecision(set, wrong, 'flag'));

  it('puts first the change that reached the data where the data find a change-point likeliest, and says why', () => {
    expect(result.suspects.some((s) => ['inside', 'before'].includes(s.consistency.verdict))).toBe(false);
    expect(result.suspects[0]?.id).toBe('e-6');
    expect(result.suspects[0]?.consistency.verdict).toBe('after');
    expect(result.gaps.some((g) => /No change reached the data inside the interval/.test(g))).toBe(true);
  });
});

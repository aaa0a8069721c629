import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord } from '../model/records';
import { findSuspects } from './changes';
import { SHA, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const base = testEvidence();
const others: EvidenceRecord[] = [...base.commits, ...base.pullRequests, ...base.deployments, ...base.runs];

/** The verdict of the early upstream change (it reached the data weeks before the decision's version was first used). */
function earlyVerdict(decisions: ReadonlyArray<EvidenceRecord>) {
  const set = toEvidenceSet([...others, ...decisions]);
  const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const { onset, suspects } = findSuspects(set, traceDecision(set, wrong, 'flag'));
  return { method: onset.method, consistency: suspects.find((s) => s.id === SHA.transform)?.consistency };
}

describe('changes that reached the data before the last good data', () => {
  it('are cleared by the data where the outcome rate shifts significantly', () => {
    const { method, consistency } = earlyVerdict(base.decisions);
    expect(method).toBe('change-point');
    expect(consistency?.verdict).toBe('cleared');
  });

  it('are not cleared where the rate shows no significant shift: the data clear nothing', () => {
    // The same decisions, every third one rejected whatever its version.
    const flat = base.decisions.map((d, i) => ({
      ...d,
      action: i % 3 === 0 || d.decisionId === 'd-23' ? 'reject' : 'approve',
    }));
    const { method, consistency } = earlyVerdict(flat);
    expect(method).toBe('first-use');
    expect(consistency?.verdict).toBe('before');
    expect(consistency?.note).toMatch(/no significant shift/);
  });
});

import { describe, expect, it } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { memoizeDerive } from './derive';

describe('memoizeDerive', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const feature = decision.features[0]!.name;

  it('runs every step for a decision and feature', () => {
    const results = memoizeDerive()(set, decision, feature);
    expect(results.errors).toEqual({});
    expect(results.trace?.decisionId).toBe(decision.decisionId);
    expect(results.scope?.decisions).toBeGreaterThan(0);
    expect(results.changes).toBeDefined();
    expect(results.governance?.length).toBe(results.changes?.changes.length);
    expect(results.remediation).toBeDefined();
  });

  it('returns the same results until the decision or feature changes', () => {
    const derive = memoizeDerive();
    const first = derive(set, decision, feature);
    expect(derive(set, decision, feature)).toBe(first);
    const other = set.decisions[0]!;
    const second = derive(set, other, feature);
    expect(second).not.toBe(first);
    expect(second.trace?.decisionId).toBe(other.decisionId);
    expect(derive(set, other, 'no-such-feature')).not.toBe(second);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { deriveResults, memoizeDerive } from './derive';

const engine = vi.hoisted(() => ({ fail: false }));
vi.mock('../../shared/analysis/engine', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/analysis/engine')>();
  return {
    ...original,
    runEngine: (...args: Parameters<typeof original.runEngine>) => {
      if (engine.fail) throw new Error('the outcome series is empty');
      return original.runEngine(...args);
    },
  };
});

describe('deriveResults', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const feature = decision.features[0]!.name;

  it("shows the engine's answer: onset, ranked suspects with their terms, a verdict each, and a rollback", () => {
    const results = deriveResults(set, decision, feature);
    expect(results.errors).toEqual({});
    const r = results.engine!;
    expect(r.suspects.onset.method).toBe('change-point');
    expect(r.suspects.onset.key).toBe(decision.features[0]!.featureVersion);
    expect(r.suspects.suspects[0]!.reasons.map((t) => t.term)).toContain('timing');
    expect(r.governance.map((g) => g.changeId)).toEqual(r.suspects.suspects.map((s) => s.id));
    expect(r.remediation.rollback[0]!.changeId).toBe(r.suspects.suspects[0]!.id);
    // The older views the navigator and the Markdown export read are the same answer.
    expect(results.trace).toBe(r.trace);
    expect(results.scope?.decisions).toBe(r.scope.affected);
    expect(results.changes?.changes[0]?.id).toBe(r.suspects.suspects.find((s) => s.kind !== 'schema')?.id);
  });

  it("applies the investigator's onset and the notification threshold", () => {
    const first = set.decisions[0]!.features[0]!.featureVersion!;
    const r = deriveResults(set, decision, feature, { onset: first, notifyThreshold: 1 }).engine!;
    expect(r.suspects.onset.method).toBe('override');
    expect(r.suspects.onset.key).toBe(first);
    expect(r.scope.notification).toMatchObject({ threshold: 1, notify: true });
  });

  it('keeps the trace and the scope when the engine fails, and names the failure on the other steps', () => {
    engine.fail = true;
    try {
      const results = deriveResults(set, decision, feature);
      expect(results.trace?.decisionId).toBe(decision.decisionId);
      expect(results.scope?.decisions).toBeGreaterThan(0);
      expect(results.engine).toBeUndefined();
      expect(results.errors.changes).toMatch(/engine failed: the outcome series is empty/);
      expect(results.errors.remediate).toMatch(/engine failed/);
      expect(results.errors.trace).toBeUndefined();
    } finally {
      engine.fail = false;
    }
  });
});

describe('memoizeDerive', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const feature = decision.features[0]!.name;

  it('returns the same results until the decision, feature, onset or threshold changes', () => {
    const derive = memoizeDerive();
    const first = derive(set, decision, feature);
    expect(derive(set, decision, feature, {})).toBe(first);
    const other = set.decisions[0]!;
    const second = derive(set, other, feature);
    expect(second).not.toBe(first);
    expect(second.trace?.decisionId).toBe(other.decisionId);
    expect(derive(set, other, 'no-such-feature')).not.toBe(second);
    const corrected = derive(set, decision, feature, { onset: '2026-10-05T00:00:00Z' });
    expect(corrected.engine?.suspects.onset.method).toBe('override');
    expect(derive(set, decision, feature, { onset: '2026-10-05T00:00:00Z' })).toBe(corrected);
    expect(derive(set, decision, feature, { onset: '2026-10-05T00:00:00Z', notifyThreshold: 3 })).not.toBe(corrected);
  });
});

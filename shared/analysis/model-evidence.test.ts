import { describe, expect, it } from 'vitest';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { runEngine } from './engine';
import { testEvidence } from './test-evidence';

/**
 * Another team's model logged beside the first: the same ids, subjects, feature names and feature versions (a shared
 * feature store), a few minutes later, with its own outcomes — mostly the investigated outcome, so mixing it in would
 * move both the rate series and the affected count.
 */
function withSecondModel(set: EvidenceSet, outcome: string): EvidenceSet {
  const second = set.decisions.map((d, i): Decision => ({
    ...d,
    timestamp: new Date(Date.parse(d.timestamp) + 7 * 60_000).toISOString(),
    model: { name: 'payment-fraud', version: '1.4.2' },
    action: i % 4 === 0 ? 'hold' : outcome,
    provenance: { sourceId: 'fraud-decisions.jsonl', line: i + 1 },
  }));
  return {
    ...set,
    decisions: [...set.decisions, ...second].sort((a, b) => a.timestamp.localeCompare(b.timestamp)),
  };
}

describe("a model's investigation beside another model's log that names the same features", () => {
  it('counts, dates and ranks as over its own log alone', () => {
    const alone = testEvidence();
    const decision = alone.decisions.at(-1)!;
    const feature = decision.features[0]!.name;
    const both = withSecondModel(alone, decision.action ?? 'reject');
    const own = runEngine(alone, decision, feature);
    const beside = runEngine(both, decision, feature);
    expect(own.scope.affected).toBeGreaterThan(0);
    expect([beside.scope.affected, beside.scope.subjects, beside.scope.throughDecision]).toEqual([
      own.scope.affected,
      own.scope.subjects,
      own.scope.throughDecision,
    ]);
    expect(beside.scope.decisions.map((d) => d.model.name)).toEqual(own.scope.decisions.map(() => decision.model.name));
    expect(beside.suspects.onset.key).toBe(own.suspects.onset.key);
    expect(beside.suspects.onset.series.map((b) => [b.key, b.decisions, b.rate])).toEqual(
      own.suspects.onset.series.map((b) => [b.key, b.decisions, b.rate]),
    );
    expect(beside.suspects.suspects.map((s) => s.id)).toEqual(own.suspects.suspects.map((s) => s.id));
    // The second model's own investigation reads its log, and only its log.
    const theirs = both.decisions.find((d) => d.model.name === 'payment-fraud')!;
    const scope = runEngine(both, theirs, feature).scope;
    expect(scope.decisions.length).toBeGreaterThan(0);
    expect(new Set(scope.decisions.map((d) => d.model.name))).toEqual(new Set(['payment-fraud']));
  });
});

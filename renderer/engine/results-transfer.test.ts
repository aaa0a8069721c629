import { describe, expect, it } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { deriveResults, type DerivedResults } from '../stores/derive';
import { requestDerived } from './engine-client';
import { packDecisions, unpackDecisions } from './results-transfer';

describe('sending the engine results from the worker', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const feature = decision.features[0]!.name;
  const byId = new Map(set.decisions.map((d) => [d.decisionId, d]));
  const results = deriveResults(set, decision, feature);

  it('carries no decision, only ids, and comes back equal with the UI thread’s own decision objects', () => {
    const packed = structuredClone(packDecisions(results));
    expect(JSON.stringify(packed)).not.toContain('"features":'); // a decision's inputs
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(results).length);
    const back = unpackDecisions<DerivedResults>(packed, (id) => byId.get(id));
    expect(back).toStrictEqual(results);
    expect(back.engine!.decision).toBe(decision);
    expect(back.engine!.scope.decisions.length).toBeGreaterThan(1);
    back.engine!.scope.decisions.forEach((d, i) => expect(d).toBe(results.engine!.scope.decisions[i]));
    // Objects shared in the results (the trace is the engine's trace) stay shared.
    expect(back.trace).toBe(back.engine!.trace);
  });

  it('names a decision the open evidence lacks', () => {
    const packed = structuredClone(packDecisions(results));
    expect(() => unpackDecisions(packed, () => undefined)).toThrow(decision.decisionId);
  });

  it('answers on the main thread where no worker starts, and at once when asked the same again', async () => {
    const request = {
      db: { name: 'unused' } as never,
      sourceIds: ['s'],
      evidence: set,
      decision,
      featureName: feature,
      decisionOf: (id: string) => byId.get(id),
    };
    const first = await requestDerived(request);
    expect(first.engine!.suspects.suspects.map((s) => s.id)).toEqual(
      results.engine!.suspects.suspects.map((s) => s.id),
    );
    expect(await requestDerived(request)).toBe(first);
    const threshold = await requestDerived({ ...request, notifyThreshold: 1 });
    expect(threshold).not.toBe(first);
    expect(threshold.engine!.scope.notification.threshold).toBe(1);
  });
});

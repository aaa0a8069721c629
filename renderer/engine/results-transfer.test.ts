import { describe, expect, it } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { decisionKey } from '../../shared/model/decision-key';
import { indexDecisions } from '../stores/decision-index';
import { deriveResults, type DerivedResults } from '../stores/derive';
import { SECOND_MODEL, twoModelEvidence } from '../stores/two-model-evidence';
import { requestDerived } from './engine-client';
import { packDecisions, unpackDecisions } from './results-transfer';

describe('sending the engine results from the worker', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const feature = decision.features[0]!.name;
  const byKey = indexDecisions(set.decisions);
  const results = deriveResults(set, decision, feature);

  it('carries no decision, only keys, and comes back equal with the UI thread’s own decision objects', () => {
    const packed = structuredClone(packDecisions(results));
    expect(JSON.stringify(packed)).not.toContain('"features":'); // a decision's inputs
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(results).length);
    const back = unpackDecisions<DerivedResults>(packed, (key) => byKey.get(key));
    expect(back).toStrictEqual(results);
    expect(back.engine!.decision).toBe(decision);
    expect(back.engine!.scope.decisions.length).toBeGreaterThan(1);
    back.engine!.scope.decisions.forEach((d, i) => expect(d).toBe(results.engine!.scope.decisions[i]));
    // Objects shared in the results (the trace is the engine's trace) stay shared.
    expect(back.trace).toBe(back.engine!.trace);
  });

  it('names a decision the open evidence lacks', () => {
    const packed = structuredClone(packDecisions(results));
    expect(() => unpackDecisions(packed, () => undefined)).toThrow(
      `decision ${decision.decisionId} of model ${decision.model.name}`,
    );
  });

  it('answers on the main thread where no worker starts, and at once when asked the same again', async () => {
    const request = {
      db: { name: 'unused' } as never,
      sourceIds: ['s'],
      evidence: set,
      decision,
      featureName: feature,
      decisionOf: (key: string) => byKey.get(key),
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

describe('sending the results of a case whose two models share decision ids', () => {
  const set = twoModelEvidence();
  const byKey = indexDecisions(set.decisions);
  const second = set.decisions.filter((d) => d.model.name === SECOND_MODEL).at(-1)!;
  const results = deriveResults(set, second, second.features[0]!.name);

  it('puts back each model’s own decision, never the other model’s of the same id', () => {
    const back = unpackDecisions<DerivedResults>(structuredClone(packDecisions(results)), (key) => byKey.get(key));
    expect(back.engine!.decision).toBe(second);
    const sent = results.engine!.scope.decisions;
    expect(sent.length).toBeGreaterThan(1);
    expect(back.engine!.scope.decisions.map((d) => [d.model.name, d.decisionId, d.timestamp])).toEqual(
      sent.map((d) => [d.model.name, d.decisionId, d.timestamp]),
    );
    back.engine!.scope.decisions.forEach((d, i) => expect(decisionKey(d)).toBe(decisionKey(sent[i]!)));
  });

  it('answers a request for the second model’s decision with that decision’s results, not the first model’s', async () => {
    const first = set.decisions.find((d) => d.decisionId === second.decisionId && d.model.name !== SECOND_MODEL)!;
    const request = {
      db: { name: 'unused' } as never,
      sourceIds: ['two-models'],
      evidence: set,
      featureName: 'flag',
      decisionOf: (key: string) => byKey.get(key),
    };
    const ofFirst = await requestDerived({ ...request, decision: first });
    const ofSecond = await requestDerived({ ...request, decision: second });
    expect(ofFirst.engine!.decision).toBe(first);
    expect(ofSecond.engine!.decision).toBe(second);
    expect(ofSecond.engine!.decision.features[0]!.value).toBe(second.features[0]!.value);
    expect(ofSecond.engine!.suspects.onset.outcome).toBe(second.action);
  });
});

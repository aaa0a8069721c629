import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeId } from '../analysis/run-index';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision, DecisionFeature } from '../model/records';
import { lineageModel } from './lineage-model';

/** Datasets: two with one name in two namespaces; two sharing one id (`a:b:c`) though namespace and name differ. */
const DATASETS = [
  { namespace: 'warehouse', name: 'analytics.customer_features' },
  { namespace: 'warehouse', name: 'analytics.orders' },
  { namespace: 'lake', name: 'analytics.orders' },
  { namespace: 'a:b', name: 'c' },
  { namespace: 'a', name: 'b:c' },
];

const decisionsArb = fc.array(
  fc.record({
    second: fc.integer({ min: 0, max: 50 }),
    features: fc.array(fc.option(fc.integer({ min: 0, max: DATASETS.length - 1 }), { nil: undefined }), {
      maxLength: 4,
    }),
  }),
  { maxLength: 40 },
);

function decisionsOf(drawn: ReadonlyArray<{ second: number; features: ReadonlyArray<number | undefined> }>) {
  return drawn.map(({ second, features }, k): Decision => ({
    kind: 'decision',
    decisionId: `d-${k}`,
    timestamp: new Date(Date.UTC(2026, 0, 20, 6, 0, second)).toISOString(),
    model: { name: 'm' },
    // A fresh dataset object per feature, as a parsed decision log has them.
    features: features.map((i, j) => ({ name: `f${j}`, ...(i !== undefined && { dataset: { ...DATASETS[i]! } }) })),
    provenance: { sourceId: 'decisions', line: k + 1 },
  }));
}

/** What the index must answer: every feature that read the dataset, in the evidence set's decision order. */
function oracle(decisions: ReadonlyArray<Decision>, id: string) {
  const reads: Array<{ time: number; decision: Decision; feature: DecisionFeature }> = [];
  for (const decision of decisions)
    for (const feature of decision.features)
      if (feature.dataset && nodeId(feature.dataset) === id)
        reads.push({ time: Date.parse(decision.timestamp), decision, feature });
  return {
    times: reads.map((r) => r.time),
    decisions: reads.map((r) => r.decision),
    features: reads.map((r) => r.feature),
  };
}

describe('the lineage model’s decision index', () => {
  it('answers, for every dataset, the decisions and features that read it, in time order', () => {
    fc.assert(
      fc.property(decisionsArb, (drawn) => {
        const set = toEvidenceSet(decisionsOf(drawn));
        const model = lineageModel(set);
        const read = new Set(
          set.decisions.flatMap((d) => d.features.flatMap((f) => (f.dataset ? [nodeId(f.dataset)] : []))),
        );
        expect(model.datasetIds).toEqual([...read].sort());
        for (const id of [...DATASETS.map(nodeId), 'warehouse:unread'])
          expect(model.decisionReadsOf(id)).toEqual(oracle(set.decisions, id));
      }),
      { numRuns: 200 },
    );
  });

  it('merges two datasets whose namespace and name differ but whose id is the same', () => {
    const set = toEvidenceSet(decisionsOf([{ second: 1, features: [3, 4, 0, 3] }]));
    const reads = lineageModel(set).decisionReadsOf('a:b:c');
    expect(reads.features.map((f) => f.name)).toEqual(['f0', 'f1', 'f3']);
  });
});

/**
 * An investigation of a decision read in place, with the engine that holds the log answering every step that reads
 * decisions: the decision by its id (load-sources.ts), the onset (pushed-onset.ts), the scope (pushed-scope.ts). The
 * rest of the engine (trace, suspects, governance, remediation) runs over the other evidence and the investigated
 * decision alone. The answers are those of the same decisions imported — which holds where no step needs the lineage
 * as of each decision or a cause's blast radius. So it answers only where
 * - no run in the evidence wrote the feature's dataset (the lineage cannot place any decision's data),
 * - the investigator gave no onset, and the decision names a feature or dataset version,
 * - and no change in the evidence is a suspect for that onset (then the scope is the blast radius of the cause,
 *   which walks every decision with the lineage: the caller reads the model's decisions instead).
 * The suspects are searched in the look-back window before the onset, which the pushed onset fixes: the search over
 * the lone decision with that onset as the investigator's finds a change exactly when the full search would.
 */
import { runEngine, type EngineOptions, type EngineResult } from '../../shared/analysis/engine.js';
import { lastKnownGood } from '../../shared/analysis/remediation.js';
import { lineageModel } from '../../shared/lineage/lineage-model.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import type { DecisionSource } from './decision-source.js';
import { pushedOnset } from './pushed-onset.js';
import { pushedScope } from './pushed-scope.js';

export interface PushedInvestigation {
  readonly result: EngineResult;
  /** Every decision the case cites, read whole: the investigated one, the onset's first bad and last good, the scope's first and last. */
  readonly cited: ReadonlyArray<Decision>;
}

/** Why the engine cannot answer alone for this decision, if it cannot. */
export function pushDownRefusal(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: EngineOptions,
): string | undefined {
  if (options.onset !== undefined) return 'the onset is given';
  const f = decision.features.find((x) => x.name === featureName);
  if (!f?.featureVersion && !f?.datasetVersion) return `the decision names no version of ${featureName}`;
  if (f.dataset) {
    const id = `${f.dataset.namespace}:${f.dataset.name}`;
    if (
      lineageModel(set)
        .versionsOf(id)
        .some((v) => !v.declared)
    )
      return `the lineage places the data each decision read from ${id}`;
  }
  return undefined;
}

/**
 * The investigation of `decision` (the set's only decision, found in `source`), or why it needs the model's
 * decisions read: a refusal, or a suspect for the onset the engine found.
 */
export async function pushedInvestigation(
  source: DecisionSource,
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: EngineOptions,
): Promise<PushedInvestigation | { readonly refused: string }> {
  const refused = pushDownRefusal(set, decision, featureName, options);
  if (refused) return { refused };
  const onset = await pushedOnset(source, decision, featureName);
  const probe = runEngine(set, decision, featureName, { ...options, onset: onset.onset.onset });
  const cause = probe.suspects.suspects[0];
  if (cause) return { refused: `${cause.id} is a suspect: its blast radius reads each decision with the lineage` };
  const own = decision.features.find((f) => f.name === featureName)?.featureVersion;
  const { series, key, seriesBy } = onset.onset;
  const from = series.findIndex((b) => b.key === key);
  const to = series.findIndex((b) => b.key === own);
  const versions =
    seriesBy === 'feature_version' && from >= 0 && to >= from
      ? series.slice(from, to + 1).map((b) => b.key)
      : undefined;
  const scope = await pushedScope(source, decision, featureName, {
    versions,
    notifyThreshold: options.notifyThreshold,
  });
  if (!scope) return { refused: `the decision names no version of ${featureName}` };
  return {
    result: {
      ...probe,
      suspects: { ...probe.suspects, onset: onset.onset },
      scope: scope.scope,
      remediation: { ...probe.remediation, lastKnownGood: lastKnownGood(onset.onset, probe.remediation.rollback) },
    },
    cited: [decision, ...onset.cited, ...scope.cited],
  };
}

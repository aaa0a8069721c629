/**
 * An investigation of a decision read in place, with the engine that holds the log answering every step that reads
 * decisions: the decision by its id (load-sources.ts), the onset (pushed-onset.ts), the interval the data allow for
 * the change (pushed-interval.ts), the scope (pushed-scope.ts) or, where a change is a suspect, its blast radius
 * (pushed-radius.ts, pushed-blast-scope.ts). The rest of the engine (trace, suspects, governance, remediation) runs
 * over the other evidence and the investigated decision alone, with that onset and interval. The answers are those of
 * the same decisions imported. Where runs in the evidence wrote the feature's dataset, the lineage places the data
 * each decision read (the versions go into the queries, read-sql.ts). It answers only where
 * - the decision names a feature version (or, where the lineage places nothing, a dataset version); an onset the
 *   investigator gives is taken as the in-memory engine takes it (pushed-onset.ts),
 * - where the lineage places the data, the outcome rate does not shift within the decision's own feature version,
 * - and, where a change is a suspect, no identity graph was imported (the ranking matches its merges against every
 *   subject of the log), no change of identity resolution is judged by the subject's own outcomes (subject-flip.ts),
 *   and no audit entry names the decision's subject (it is weighed against other subjects' decisions).
 * The suspects are searched in the look-back window before the onset, which the pushed onset fixes.
 */
import { stringValues } from '../../shared/analysis/audit-effect.js';
import { runEngine, type EngineOptions, type EngineResult } from '../../shared/analysis/engine.js';
import type { DiffOf, OnsetEstimate } from '../../shared/analysis/engine-types.js';
import { changesIdentity } from '../../shared/analysis/identity-reach.js';
import { planReplay } from '../../shared/analysis/replay.js';
import { lineageModel } from '../../shared/lineage/lineage-model.js';
import { DAY_MS } from '../../shared/time/format-time.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection.js';
import type { DecisionSource } from './decision-source.js';
import { pushedOnset } from './pushed-onset.js';
import { repeatedRowsNotes } from './repeated-rows.js';
import { pushedBlastScope } from './pushed-blast-scope.js';
import { pushedInterval } from './pushed-interval.js';
import { pushedBlastRadius } from './pushed-radius.js';
import { placedReads } from './pushed-reads.js';
import { pushedScope, type PushedScope } from './pushed-scope.js';

export interface PushedInvestigation {
  readonly result: EngineResult;
  /** Every decision the case cites, read whole: the investigated one, the onset's first bad and last good, the scope's first and last. */
  readonly cited: ReadonlyArray<Decision>;
  /** Which decisions the scope holds, as values (the Scope step pages and exports them by it). */
  readonly affected?: AffectedSelection;
}

export interface PushedOptions extends EngineOptions {
  /**
   * The commit suspects' changed lines, read once the onset is known (its look-back window names the suspects), where
   * `diffOf` is not given.
   */
  readonly diffsFor?: (onset: OnsetEstimate) => Promise<DiffOf>;
}

/** Why the engine cannot answer alone for this decision, if it cannot. */
export function pushDownRefusal(decision: Decision, featureName: string): string | undefined {
  const f = decision.features.find((x) => x.name === featureName);
  if (!f?.featureVersion && !f?.datasetVersion) return `the decision names no version of ${featureName}`;
  return undefined;
}

/** `set` with `decisions` added, in time order (the set keeps its decisions so). */
function withDecisions(set: EvidenceSet, decisions: ReadonlyArray<Decision>): EvidenceSet {
  const added = decisions.filter((d) => !set.decisions.includes(d));
  const all = [...set.decisions, ...added].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  return { ...set, decisions: all };
}

/** Whether runs in the evidence wrote the feature's dataset: the lineage places the data each decision read. */
function lineagePlaces(set: EvidenceSet, decision: Decision, featureName: string): boolean {
  const dataset = decision.features.find((x) => x.name === featureName)?.dataset;
  return (
    dataset !== undefined &&
    lineageModel(set)
      .versionsOf(`${dataset.namespace}:${dataset.name}`)
      .some((v) => !v.declared)
  );
}

/** Why the suspects cannot be ranked over the lone decision, if they cannot (they are weighed on others' decisions). */
function rankingRefusal(set: EvidenceSet, decision: Decision, probe: EngineResult): string | undefined {
  if (set.identityLinks.length > 0) return "the identity graph's merges are matched against every subject of the log";
  const { onset, suspects } = probe.suspects;
  if (onset.method === 'first-use' && suspects.some((s) => changesIdentity(s, set, probe.trace, new Set())))
    return "a change of identity resolution is judged by the decision's subject's own outcomes (subject-flip.ts)";
  const subject = decision.subjectId;
  const naming =
    subject !== undefined &&
    set.audit.find((a) => a.target.id === subject || stringValues(a.before, a.after).has(subject));
  return naming
    ? `${naming.id} names the decision's subject: it is weighed against other subjects' decisions`
    : undefined;
}

/**
 * The investigation of `decision` (the set's only decision, found in `source`), or why it needs the model's
 * decisions read.
 */
export async function pushedInvestigation(
  source: DecisionSource,
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: PushedOptions,
): Promise<PushedInvestigation | { readonly refused: string }> {
  const refused = pushDownRefusal(decision, featureName);
  if (refused) return { refused };
  const reads = placedReads(source, set, decision, featureName);
  const placed = lineagePlaces(set, decision, featureName) && reads;
  const onset = await pushedOnset(source, decision, featureName, placed, options.onset);
  if ('refused' in onset) return onset;
  // The suspects are ranked against the interval the data allow for the change, counted where the decisions live;
  // against an onset the investigator gave, by the data its first bad and last good decisions read (suspect-context.ts
  // finds them in the set), as the in-memory engine ranks them.
  const given = onset.onset.method === 'override';
  const windowStart = Date.parse(onset.onset.onset) - (options.lookbackDays ?? 30) * DAY_MS;
  const interval = given ? undefined : await pushedInterval(reads, set, decision, featureName, windowStart);
  const ranked = given ? withDecisions(set, onset.cited) : set;
  const diffOf = options.diffOf ?? (await options.diffsFor?.(onset.onset));
  const probe = runEngine(ranked, decision, featureName, {
    ...options,
    ...(diffOf && { diffOf }),
    estimated: { onset: onset.onset, interval },
  });
  const cause = probe.suspects.suspects[0];
  const unranked = cause && rankingRefusal(set, decision, probe);
  if (unranked) return { refused: unranked };
  const own = decision.features.find((f) => f.name === featureName)?.featureVersion;
  const { series, key, seriesBy } = onset.onset;
  const from = series.findIndex((b) => b.key === key);
  const to = series.findIndex((b) => b.key === own);
  const versions =
    seriesBy === 'feature_version' && from >= 0 && to >= from
      ? series.slice(from, to + 1).map((b) => b.key)
      : undefined;
  const scopeOptions = { versions, notifyThreshold: options.notifyThreshold };
  let scope: PushedScope | undefined;
  if (cause) {
    const radius = await pushedBlastRadius(reads, set, decision, featureName, cause, probe.trace, onset.onset);
    scope = await pushedBlastScope(reads, decision, featureName, radius, scopeOptions);
  } else scope = await pushedScope(source, decision, featureName, scopeOptions);
  if (!scope) return { refused: `the decision names no version of ${featureName}` };
  // Rows repeating a decision were counted once (decision-source.ts); they, and the decision's own rows, are named.
  const repeated = await repeatedRowsNotes(source, decision);
  return {
    result: {
      ...probe,
      scope: repeated.length ? { ...scope.scope, notes: [...(scope.scope.notes ?? []), ...repeated] } : scope.scope,
      // The replay runs to the scope's last decision, which the lone decision's probe does not know.
      ...(cause && {
        remediation: {
          ...probe.remediation,
          replay: planReplay(set, probe.trace, cause, scope.scope.last ?? decision.timestamp),
        },
      }),
    },
    cited: [decision, ...onset.cited, ...scope.cited],
    ...(scope.affected && { affected: scope.affected }),
  };
}

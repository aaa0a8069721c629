/**
 * The scope of a decision read in place where a cause is followed (scope-detail.ts `impactScope` with a blast radius):
 * the radius's decisions (pushed-radius.ts) counted by the engine — decisions and distinct subjects, also up to the
 * investigated decision — tallied by hour, model version and action, and the first and last read whole for the
 * window. As in pushed-scope.ts, the decisions themselves stay in the engine.
 */
import type { Decision } from '../../shared/model/records.js';
import { decisionsOf } from './decision-source.js';
import type { PushedRadius } from './pushed-radius.js';
import type { PlacedReads } from './pushed-reads.js';
import { notification, scopeTallies, type PushedScope } from './pushed-scope.js';
import { numberOf } from './sql-engine.js';

/**
 * `impactScope(set, decision, featureName, { versions, blast })` with the blast radius `radius` counted where the
 * decisions live; `versions` are only shown, as there.
 */
export async function pushedBlastScope(
  reads: PlacedReads,
  decision: Decision,
  featureName: string,
  radius: PushedRadius,
  options: { readonly versions?: ReadonlyArray<string>; readonly notifyThreshold?: number } = {},
): Promise<PushedScope> {
  const feature = decision.features.find((f) => f.name === featureName);
  const versionKind = feature?.featureVersion
    ? 'feature_version'
    : feature?.datasetVersion
      ? 'dataset_version'
      : 'none';
  const own = versionKind === 'feature_version' ? feature?.featureVersion : feature?.datasetVersion;
  const versions = [...new Set(options.versions?.length ? options.versions : own ? [own] : [])];
  const { engine } = reads.source;
  const filter = radius.filter;
  const until = new Date(Date.parse(decision.timestamp)).toISOString();
  const [counts] = await engine.query(reads.sql.radiusCounts(filter, until));
  const affected = numberOf(counts?.decisions);
  const subjects = numberOf(counts?.subjects);
  const tallied = scopeTallies(await engine.query(reads.sql.radiusTally(filter)), decision.model.name);
  const edge = async (which: 'first' | 'last') =>
    affected === 0
      ? undefined
      : decisionsOf(reads.source, await engine.query(reads.sql.radiusEdge(filter, which))).decisions[0];
  const first = await edge('first');
  const last = await edge('last');
  return {
    scope: {
      featureName,
      versionKind,
      versions,
      method: 'blast-radius',
      from: radius.from,
      recovery: radius.recovery,
      notes: radius.notes,
      upperBound: radius.upperBound,
      throughDecision: {
        decisions: numberOf(counts?.through_decisions),
        subjects: numberOf(counts?.through_subjects),
      },
      affected,
      notAffected: numberOf(counts?.model_decisions) - affected,
      subjects,
      first: first?.timestamp,
      last: last?.timestamp,
      ...tallied,
      decisions: [],
      subjectIds: [],
      notification: notification(subjects, options.notifyThreshold),
    },
    cited: [first, last].filter((d): d is Decision => d !== undefined),
  };
}

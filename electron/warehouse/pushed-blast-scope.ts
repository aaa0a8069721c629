/**
 * The scope of a decision read in place where a cause is followed (scope-detail.ts `impactScope` with a blast radius):
 * the radius's decisions (pushed-radius.ts) counted by the engine — decisions and distinct subjects, also up to the
 * investigated decision — tallied by hour, model version and action, and the first and last read whole for the
 * window. As in pushed-scope.ts, the decisions themselves stay in the engine.
 */
import { suspectVersions } from '../../shared/analysis/scope-detail.js';
import type { Decision } from '../../shared/model/records.js';
import { radiusSelection } from '../../shared/warehouse/affected-selection.js';
import type { PushedRadius } from './pushed-radius.js';
import type { PlacedReads } from './pushed-reads.js';
import { countedScope, type PushedScope } from './pushed-scope.js';

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
  const { kind: versionKind, versions } = suspectVersions(decision, featureName, options.versions);
  const filter = radius.filter;
  const until = new Date(Date.parse(decision.timestamp)).toISOString();
  const { from, recovery, notes, upperBound } = radius;
  const counted = await countedScope(
    reads.source,
    decision.model.name,
    {
      counts: reads.sql.radiusCounts(filter, until),
      tally: reads.sql.radiusTally(filter),
      edge: (which) => reads.sql.radiusEdge(filter, which),
    },
    { featureName, versionKind, versions, method: 'blast-radius', from, recovery, notes, upperBound },
    options.notifyThreshold,
  );
  return { ...counted, affected: radiusSelection(reads.sql.lineage, filter) };
}

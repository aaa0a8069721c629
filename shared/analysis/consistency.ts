/**
 * Whether a change is consistent with the change-point: a change can explain the wrong decisions only if it reached
 * the data after the last good data was written and no later than the first bad data. A change already in effect
 * while a statistically good segment held is cleared by the data (where the rates show no significant shift, nothing
 * is cleared: such a change is 'before'); one that reached the data after the first bad data, or never ran, cannot
 * have started it. Suspects are ordered by this first, then by their score.
 */
import { featureReach, type FeatureReach } from './feature-reach';
import type { SuspectContext } from './suspect-context';

export type ConsistencyVerdict = 'inside' | 'before' | 'cleared' | 'after' | 'never-ran';

export interface Consistency {
  readonly verdict: ConsistencyVerdict;
  /** When the change first reached the data (the first run of a touched job after it took effect), ISO time. */
  readonly dataTime?: string;
  readonly note: string;
}

/** Higher comes first. */
export const CONSISTENCY_RANK: Readonly<Record<ConsistencyVerdict, number>> = {
  inside: 3,
  before: 2,
  cleared: 1,
  after: 0,
  'never-ran': 0,
};

const iso = (ms: number) => new Date(ms).toISOString();

const reaches = new WeakMap<SuspectContext, FeatureReach>();
/** When the feature's dataset first held data reflecting a change of these nodes at `t` (feature-reach.ts). */
export const reachOf = (ctx: SuspectContext): FeatureReach => {
  let reach = reaches.get(ctx);
  if (!reach) reaches.set(ctx, (reach = featureReach(ctx.trace, ctx.firstRunAfter)));
  return reach;
};

/**
 * The verdict for a change that took effect at `effective` (ms) on the given traced jobs or datasets (none: a node
 * outside the traced closure, whose change is taken to reach the data at once). It reached the data when the chain of
 * runs downstream of it first wrote the feature's dataset (feature-reach.ts). `neverRan` says why it never ran, where
 * it did not.
 */
export function consistencyOf(
  ctx: SuspectContext,
  effective: number,
  nodeIds: ReadonlyArray<string>,
  neverRan?: string,
): Consistency {
  if (neverRan) return { verdict: 'never-ran', note: neverRan };
  let reached = effective;
  if (nodeIds.length > 0) {
    const runs = nodeIds.map((j) => ({
      job: j,
      at: ctx.firstRunAfter(j, effective),
      any: ctx.firstRunAfter(j, -Infinity),
    }));
    const withRuns = runs.filter((r) => r.any !== undefined);
    if (withRuns.length > 0) {
      const after = withRuns.map((r) => r.at).filter((t): t is number => t !== undefined);
      if (after.length === 0)
        return { verdict: 'after', note: `no run of ${nodeIds.join(', ')} executed it before the evidence ends` };
      reached = Math.min(...after);
    }
    // Into the feature's data, run by run downstream (where the chain of runs carried it there).
    const downstream = reachOf(ctx)(nodeIds, effective);
    if (downstream !== undefined && downstream > reached) reached = downstream;
  }
  const { lastGood, firstBad } = ctx.interval;
  const when = `reached the data at ${iso(reached)}`;
  if (reached > firstBad)
    return { verdict: 'after', dataTime: iso(reached), note: `${when}, after the first bad data (${iso(firstBad)})` };
  // Only a significant shift says the earlier data was good: without one, the data clear nothing.
  if (lastGood !== undefined && lastGood < firstBad && reached <= lastGood && ctx.onset.method === 'first-use')
    return {
      verdict: 'before',
      dataTime: iso(reached),
      note: `${when}, before the first use of the decision's version (${iso(firstBad)}); the outcome rate shows no significant shift, so the data clear nothing`,
    };
  if (lastGood !== undefined && lastGood < firstBad && reached <= lastGood)
    return {
      verdict: 'cleared',
      dataTime: iso(reached),
      note: `${when}, yet the data written until ${iso(lastGood)} still gave the good rate${ctx.onset.rateBefore !== undefined ? ` (${ctx.onset.rateBefore})` : ''}: cleared by the data`,
    };
  if (lastGood !== undefined && lastGood < firstBad)
    return {
      verdict: 'inside',
      dataTime: iso(reached),
      note: `${when}, between the last good data (${iso(lastGood)}) and the first bad data (${iso(firstBad)})`,
    };
  return { verdict: 'before', dataTime: iso(reached), note: `${when}, before the first bad data (${iso(firstBad)})` };
}

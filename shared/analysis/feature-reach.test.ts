import { describe, expect, it } from 'vitest';
import { featureReach } from './feature-reach';
import type { JobReach } from './job-reach';
import type { TraceEdge, TraceResult } from './types';

const H = 3_600_000;
const DAY = 24 * H;

/** A connector loads `raw`; `stage` reads it into `staged`; `features` reads that into `feats`, the feature's data. */
function chain(): TraceResult {
  const edge = (source: string, target: string, kind: TraceEdge['kind']): TraceEdge => ({
    id: `${source}->${target}`,
    source,
    target,
    kind,
  });
  return {
    decisionId: 'd',
    featureName: 'x',
    asOf: new Date(10 * DAY).toISOString(),
    nodes: [],
    edges: [
      edge('wh:raw', 'p:stage', 'input-of'),
      edge('p:stage', 'wh:staged', 'produced'),
      edge('wh:staged', 'p:features', 'input-of'),
      edge('p:features', 'wh:feats', 'produced'),
      edge('wh:feats', 'feature:x', 'read'),
      edge('feature:x', 'decision:d', 'read'),
    ],
    jobs: [
      { id: 'p:stage', depth: 4, runId: 's', runTime: '', fields: [] },
      { id: 'p:features', depth: 2, runId: 'f', runTime: '', fields: [] },
    ],
    gaps: [],
  };
}

/** Runs that wrote, each [start, end] in ms: the first one that started at or after `t` carries what was there. */
function reachOf(runs: Record<string, ReadonlyArray<readonly [number, number]>>): JobReach {
  return (job, t) => runs[job]?.find(([start]) => start >= t)?.[1];
}

const daily = (startHour: number, endHour: number, skip: number[] = []) =>
  [0, 1, 2, 3, 4]
    .filter((d) => !skip.includes(d))
    .map((d) => [d * DAY + startHour * H, d * DAY + endHour * H] as const);

describe('when a change reached the feature’s data', () => {
  it('follows the runs downstream: a failed staging run carries nothing, the next day’s does', () => {
    // The connector delivers a new schema on day 1 at 00:10; staging's day-1 run failed (it wrote nothing).
    const reach = featureReach(chain(), reachOf({ 'p:stage': daily(0.5, 1, [1]), 'p:features': daily(3, 3.25) }));
    expect(reach(['wh:raw'], DAY + 0.2 * H)).toBe(2 * DAY + 3.25 * H);
  });

  it('a change of the job itself reaches its outputs with its first run after it, then goes downstream', () => {
    const reach = featureReach(chain(), reachOf({ 'p:stage': daily(0.5, 1), 'p:features': daily(3, 3.25) }));
    // Edited at 02:00, after that day's staging run: the next day's staging run, then that day's features run.
    expect(reach(['p:stage'], DAY + 2 * H)).toBe(2 * DAY + 3.25 * H);
    // Edited before the staging run: the same day's features run.
    expect(reach(['p:stage'], DAY + 0.25 * H)).toBe(DAY + 3.25 * H);
  });

  it('passes through a traced job with no run in the evidence, and says nothing when no run carried it', () => {
    const reach = featureReach(chain(), reachOf({ 'p:features': daily(3, 3.25) }));
    expect(reach(['wh:raw'], DAY + 0.2 * H)).toBe(DAY + 3.25 * H);
    expect(reach(['wh:raw'], 4 * DAY + 4 * H)).toBeUndefined();
    expect(reach(['elsewhere:table'], DAY)).toBeUndefined();
  });
});

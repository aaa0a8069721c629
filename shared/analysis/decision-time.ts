/**
 * A decision's time in milliseconds, parsed once per decision record: the onset, the change-point interval, the
 * blast radius and the scope each walk every decision of the log (a million on the large sample), and parsing the
 * same RFC 3339 strings again dominated an investigation. Records are immutable, so the cache cannot go stale.
 */
import type { Decision } from '../model/records';

const times = new WeakMap<Decision, number>();

export function decisionTime(d: Decision): number {
  let t = times.get(d);
  if (t === undefined) times.set(d, (t = Date.parse(d.timestamp)));
  return t;
}

/** The decisions (sorted by time, as the evidence set keeps them) at or before `t`. */
export function decisionsUntil(decisions: ReadonlyArray<Decision>, t: number): ReadonlyArray<Decision> {
  return decisions.slice(0, countUntil(decisions, t));
}

/** How many decisions (sorted by time, as the evidence set keeps them) are at or before `t`. */
export function countUntil(decisions: ReadonlyArray<Decision>, t: number): number {
  let lo = 0;
  let hi = decisions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decisionTime(decisions[mid] as Decision) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

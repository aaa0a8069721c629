/**
 * The decision log as columns, built once per log: the onset, the change-point interval, the blast radius and the
 * scope each walk every decision of the log (a million on the large sample), and looking a million decision objects
 * up in hash tables on every walk (their times, their feature, the data they read) dominated an investigation. A walk
 * by position reads them from arrays instead. Records are immutable, so the columns cannot go stale.
 */
import type { DatasetRef, Decision, DecisionFeature } from '../model/records';
import { decisionTime } from './decision-time';

export interface DecisionColumns {
  readonly decisions: ReadonlyArray<Decision>;
  /** `decisionTime(decisions[i])`. */
  readonly time: Float64Array;
  /** Whether the times never decrease (the evidence set keeps decisions sorted; a hand-made log may not be). */
  readonly sorted: boolean;
  /** The position of a decision in the log, if it is there. */
  indexOf(d: Decision): number | undefined;
  /** 1 at every position of the log that holds one of `these`. */
  mark(these: ReadonlyArray<Decision>): Uint8Array;
  /** Each decision's first feature named `featureName` (built once per name). */
  features(featureName: string): ReadonlyArray<DecisionFeature | undefined>;
  /** Each decision's first feature of the dataset (built once per dataset). */
  featuresOf(dataset: DatasetRef): ReadonlyArray<DecisionFeature | undefined>;
  /**
   * Each decision's subject as a number (`code[i]`) and the subjects by number (built once); a decision without a
   * subject is a subject of its own, named by its decision id.
   */
  subjects(): { readonly code: Int32Array; readonly names: ReadonlyArray<string> };
}

const memo = new WeakMap<ReadonlyArray<Decision>, DecisionColumns>();

/** The columns of a decision log (kept per log array). */
export function decisionColumns(decisions: ReadonlyArray<Decision>): DecisionColumns {
  let cols = memo.get(decisions);
  if (!cols) memo.set(decisions, (cols = buildColumns(decisions)));
  return cols;
}

function buildColumns(decisions: ReadonlyArray<Decision>): DecisionColumns {
  const n = decisions.length;
  const time = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    time[i] = decisionTime(decisions[i] as Decision);
    if (i > 0 && !((time[i - 1] as number) <= (time[i] as number))) sorted = false;
  }
  if (n === 1 && Number.isNaN(time[0])) sorted = false;
  const byName = new Map<string, ReadonlyArray<DecisionFeature | undefined>>();
  // Decisions looked up outside a walk: by binary search on the sorted times, else through a map built once.
  let positions: Map<Decision, number> | undefined;
  const firstAt = (t: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((time[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const indexOf = (d: Decision): number | undefined => {
    if (sorted) {
      const t = decisionTime(d);
      for (let i = firstAt(t); i < n && time[i] === t; i++) if (decisions[i] === d) return i;
      return undefined;
    }
    if (!positions) {
      positions = new Map();
      for (let i = n - 1; i >= 0; i--) positions.set(decisions[i] as Decision, i);
    }
    return positions.get(d);
  };
  const mark = (these: ReadonlyArray<Decision>) => {
    const marks = new Uint8Array(n);
    if (!sorted) {
      const wanted = new Set(these);
      for (let i = 0; i < n; i++) if (wanted.has(decisions[i] as Decision)) marks[i] = 1;
      return marks;
    }
    // Decisions in log order (a walk's result) are found walking on from the last one found; a decision held at
    // several positions is at each of them, all at its time. The first one out of order, or not in the log, and
    // the rest are found by their time.
    let k = 0;
    for (let cursor = 0; k < these.length; k++) {
      const d = these[k] as Decision;
      let i = cursor;
      while (i < n && decisions[i] !== d) i++;
      if (i === n) break;
      let j = i;
      while (j > 0 && time[j - 1] === time[i]) j--;
      for (; j < n && time[j] === time[i]; j++) if (decisions[j] === d) marks[j] = 1;
      cursor = i + 1;
    }
    for (; k < these.length; k++) {
      const d = these[k] as Decision;
      const t = decisionTime(d);
      for (let i = firstAt(t); i < n && time[i] === t; i++) if (decisions[i] === d) marks[i] = 1;
    }
    return marks;
  };
  const features = (featureName: string) => {
    let column = byName.get(featureName);
    if (!column) {
      const out: Array<DecisionFeature | undefined> = new Array(n);
      for (let i = 0; i < n; i++) out[i] = (decisions[i] as Decision).features.find((f) => f.name === featureName);
      byName.set(featureName, (column = out));
    }
    return column;
  };
  const byDataset = new Map<string, Map<string, ReadonlyArray<DecisionFeature | undefined>>>();
  const featuresOf = (dataset: DatasetRef) => {
    let names = byDataset.get(dataset.namespace);
    if (!names) byDataset.set(dataset.namespace, (names = new Map()));
    let column = names.get(dataset.name);
    if (!column) {
      const out: Array<DecisionFeature | undefined> = new Array(n);
      for (let i = 0; i < n; i++)
        out[i] = (decisions[i] as Decision).features.find(
          (x) => x.dataset?.name === dataset.name && x.dataset.namespace === dataset.namespace,
        );
      names.set(dataset.name, (column = out));
    }
    return column;
  };
  let subjectColumn: { code: Int32Array; names: string[] } | undefined;
  const subjects = () => {
    if (!subjectColumn) {
      const code = new Int32Array(n);
      const names: string[] = [];
      const index = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const d = decisions[i] as Decision;
        if (d.subjectId === undefined) {
          code[i] = names.push(d.decisionId) - 1;
          continue;
        }
        let j = index.get(d.subjectId);
        if (j === undefined) index.set(d.subjectId, (j = names.push(d.subjectId) - 1));
        code[i] = j;
      }
      subjectColumn = { code, names };
    }
    return subjectColumn;
  };
  return { decisions, time, sorted, indexOf, mark, features, featuresOf, subjects };
}

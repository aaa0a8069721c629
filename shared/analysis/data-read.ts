/**
 * The data a decision read for a feature: the dataset version it names (`dataset_version`: the version facet's
 * datasetVersion or the writing run's id), else the version of that dataset active at the decision's time — the
 * lineage as of inference — and when that data was written (the time of the run that wrote it).
 */
import { lineageModel } from '../lineage/lineage-model';
import type { DatasetVersion } from '../lineage/types';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { decisionColumns } from './decision-columns';

export interface DataRead {
  readonly version: DatasetVersion;
  /** True where the decision log names the version; false where it was found as of the decision's time. */
  readonly logged: boolean;
}

// The onset, the change-point interval, the blast radius and the scope each ask for the data of every decision: the
// answer is kept per evidence set and feature, by the decision's position in the log (an investigation asks again for
// the same decisions, and walks of the log ask by position).
const memo = new WeakMap<EvidenceSet, Map<string, FeatureReads>>();

/** The data each decision of the log read for one feature, found on first use and kept. */
export interface FeatureReads {
  /** `dataRead` of `set.decisions[i]`. */
  at(i: number): DataRead | undefined;
  /** `writeTime` of `set.decisions[i]`. */
  writtenAt(i: number): number;
}

/** The data read for a feature, by position in the set's decision log. */
export function featureReads(set: EvidenceSet, featureName: string): FeatureReads {
  let byFeature = memo.get(set);
  if (!byFeature) memo.set(set, (byFeature = new Map()));
  let reads = byFeature.get(featureName);
  if (!reads) byFeature.set(featureName, (reads = buildReads(set, featureName)));
  return reads;
}

function buildReads(set: EvidenceSet, featureName: string): FeatureReads {
  const { decisions, time } = decisionColumns(set.decisions);
  const known: Array<DataRead | null | undefined> = new Array(decisions.length);
  const at = (i: number): DataRead | undefined => {
    let found = known[i];
    if (found === undefined) known[i] = found = findDataRead(set, decisions[i] as Decision, featureName) ?? null;
    return found ?? undefined;
  };
  // Write times kept as numbers too: a walk of the log then reads no record.
  const written = new Float64Array(decisions.length);
  const writtenKnown = new Uint8Array(decisions.length);
  const writtenAt = (i: number): number => {
    if (writtenKnown[i] === 1) return written[i] as number;
    writtenKnown[i] = 1;
    return (written[i] = at(i)?.version.from ?? (time[i] as number));
  };
  return { at, writtenAt };
}

// Decisions outside the set's log (asked for one by one).
const others = new WeakMap<EvidenceSet, Map<string, Map<Decision, DataRead | null>>>();

/** The dataset version the decision read for the feature, if the evidence can tell. */
export function dataRead(set: EvidenceSet, decision: Decision, featureName: string): DataRead | undefined {
  const i = decisionColumns(set.decisions).indexOf(decision);
  if (i !== undefined) return featureReads(set, featureName).at(i);
  let byFeature = others.get(set);
  if (!byFeature) others.set(set, (byFeature = new Map()));
  let known = byFeature.get(featureName);
  if (!known) byFeature.set(featureName, (known = new Map()));
  const found = known.get(decision);
  if (found !== undefined) return found ?? undefined;
  const read = findDataRead(set, decision, featureName);
  known.set(decision, read ?? null);
  return read;
}

function findDataRead(set: EvidenceSet, decision: Decision, featureName: string): DataRead | undefined {
  const f = decision.features.find((x) => x.name === featureName);
  if (!f?.dataset) return undefined;
  const model = lineageModel(set);
  const id = `${f.dataset.namespace}:${f.dataset.name}`;
  if (f.datasetVersion) {
    const named = model.versionNamed(id, f.datasetVersion);
    return named && !named.declared ? { version: named, logged: true } : undefined;
  }
  const asOf = model.versionAt(id, Date.parse(decision.timestamp));
  return asOf && !asOf.declared ? { version: asOf, logged: false } : undefined;
}

/** When the data the decision read was written (its run's time), else the decision's own time. */
export function writeTime(set: EvidenceSet, decision: Decision, featureName: string): number {
  return dataRead(set, decision, featureName)?.version.from ?? Date.parse(decision.timestamp);
}

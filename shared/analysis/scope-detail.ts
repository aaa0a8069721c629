/**
 * The impact of the suspect version(s) in detail: the decisions that consumed them and those that did not, counts
 * by hour and by day, distinct subjects, by model version and by action, first and last affected, and the size of
 * the window against a notification threshold.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { DAY_MS, HOUR_MS } from '../time/format-time';
import type { BlastRadius } from './blast-radius';
import type { Counted, ImpactScope } from './engine-types';
import type { HistogramBin } from './types';
import { decisionColumns } from './decision-columns';
import { decisionTime } from './decision-time';

export interface ImpactOptions {
  /** The suspect versions (feature versions, else dataset versions); default: the decision's own. */
  readonly versions?: ReadonlyArray<string>;
  /** The blast radius of the top cause: its decisions are the affected ones (the versions are then only shown). */
  readonly blast?: BlastRadius;
  /** How many affected subjects oblige a notification (default 500). */
  readonly notifyThreshold?: number;
}

export const DEFAULT_NOTIFY_THRESHOLD = 500;

/** Counts per time bucket from the first to the last, empty buckets included. */
export function bucketCounts(decisions: ReadonlyArray<Decision>, size: number): HistogramBin[] {
  return countsPerBucket(decisions.map(decisionTime), size);
}

/** `bucketCounts` of decisions at the given times; buckets are counted by their number (small integers). */
function countsPerBucket(times: ReadonlyArray<number>, size: number): HistogramBin[] {
  if (times.length === 0) return [];
  const counts = new Map<number, number>();
  for (let i = 0; i < times.length; i++) {
    const bucket = Math.floor((times[i] as number) / size);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  let from = Infinity;
  let to = -Infinity;
  for (const s of counts.keys()) {
    from = Math.min(from, s);
    to = Math.max(to, s);
  }
  const bins: HistogramBin[] = [];
  for (let b = from; b <= to; b++) bins.push({ start: new Date(b * size).toISOString(), count: counts.get(b) ?? 0 });
  return bins;
}

/** Counts per model (`name@version`), first seen first before sorting; the key is built once per model. */
function tallyModels(decisions: ReadonlyArray<Decision>): Counted[] {
  const byName = new Map<string, Map<string | undefined, number>>();
  const seen: Array<{ name: string; version: string | undefined }> = [];
  for (let i = 0; i < decisions.length; i++) {
    const { name, version } = (decisions[i] as Decision).model;
    let versions = byName.get(name);
    if (!versions) byName.set(name, (versions = new Map()));
    const n = versions.get(version);
    if (n === undefined) seen.push({ name, version });
    versions.set(version, (n ?? 0) + 1);
  }
  const m = new Map<string, number>();
  for (const { name, version } of seen) {
    const k = `${name}@${version ?? '?'}`;
    m.set(k, (m.get(k) ?? 0) + (byName.get(name)?.get(version) ?? 0));
  }
  return sortCounted(m);
}

function tally(decisions: ReadonlyArray<Decision>, key: (d: Decision) => string): Counted[] {
  const m = new Map<string, number>();
  for (let i = 0; i < decisions.length; i++) {
    const k = key(decisions[i] as Decision);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return sortCounted(m);
}

const sortCounted = (m: Map<string, number>): Counted[] =>
  [...m].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/**
 * Which versions a scope counts: the kind the decision names for the feature (its feature version, else its dataset
 * version, else none) and the suspect versions given, else the decision's own.
 */
export function suspectVersions(
  decision: Decision,
  featureName: string,
  given?: ReadonlyArray<string>,
): { readonly kind: 'feature_version' | 'dataset_version' | 'none'; readonly versions: string[] } {
  const feature = decision.features.find((f) => f.name === featureName);
  const kind = feature?.featureVersion ? 'feature_version' : feature?.datasetVersion ? 'dataset_version' : 'none';
  const own = kind === 'feature_version' ? feature?.featureVersion : feature?.datasetVersion;
  return { kind, versions: [...new Set(given?.length ? given : own ? [own] : [])] };
}

/** The decisions that consumed the suspect version(s) of a feature, and those that did not. */
export function impactScope(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: ImpactOptions = {},
): ImpactScope {
  const suspect = suspectVersions(decision, featureName, options.versions);
  const versionKind = suspect.kind;
  const versions = new Set(suspect.versions);
  // One walk of the log by position: each decision's feature and time come from the log's columns.
  const cols = decisionColumns(set.decisions);
  const column = cols.features(featureName);
  const log = cols.decisions;
  const inBlast = options.blast && cols.mark(options.blast.decisions);
  const affected: Decision[] = [];
  const times: number[] = [];
  let notAffected = 0;
  for (let i = 0; i < log.length; i++) {
    const f = column[i];
    if (!f) continue;
    const d = log[i] as Decision;
    // The version is read only where it decides (not for the blast radius: a million feature records).
    const v = inBlast ? undefined : versionKind === 'feature_version' ? f.featureVersion : f.datasetVersion;
    if (inBlast ? inBlast[i] === 1 : versionKind === 'none' ? d === decision : v !== undefined && versions.has(v)) {
      affected.push(d);
      times.push(cols.time[i] as number);
    } else notAffected++;
  }
  if (inBlast)
    for (const d of options.blast?.decisions ?? [])
      if (!d.features.some((f) => f.name === featureName)) {
        affected.push(d);
        times.push(decisionTime(d));
      }
  // In time order (stable); the log's order already is, unless a time is out of order or missing.
  let ordered = true;
  for (let i = 1; i < times.length && ordered; i++) ordered = (times[i - 1] as number) <= (times[i] as number);
  if (times.length === 1 && Number.isNaN(times[0])) ordered = false;
  if (!ordered) {
    affected.sort((a, b) => decisionTime(a) - decisionTime(b));
    for (let i = 0; i < affected.length; i++) times[i] = decisionTime(affected[i] as Decision);
  }
  const until = Date.parse(decision.timestamp);
  const throughSubjects = new Set<string | undefined>();
  let throughDecisions = 0;
  for (let i = 0; i < affected.length; i++) {
    if (!((times[i] as number) <= until)) continue;
    throughDecisions++;
    const s = (affected[i] as Decision).subjectId;
    if (s !== undefined) throughSubjects.add(s);
  }
  const subjectIds = [...new Set(affected.map((d) => d.subjectId).filter((s): s is string => s !== undefined))];
  const threshold = options.notifyThreshold ?? DEFAULT_NOTIFY_THRESHOLD;
  const notify = subjectIds.length >= threshold;
  return {
    featureName,
    versionKind,
    versions: [...versions],
    method: options.blast ? 'blast-radius' : 'version',
    ...(options.blast && {
      from: options.blast.from,
      recovery: options.blast.recovery,
      notes: options.blast.notes,
      upperBound: options.blast.upperBound,
    }),
    throughDecision: { decisions: throughDecisions, subjects: throughSubjects.size },
    affected: affected.length,
    notAffected,
    subjects: subjectIds.length,
    first: affected[0]?.timestamp,
    last: affected[affected.length - 1]?.timestamp,
    byHour: countsPerBucket(times, HOUR_MS),
    byDay: countsPerBucket(times, DAY_MS),
    byModelVersion: tallyModels(affected),
    byAction: tally(affected, (d) => d.action ?? '(none)'),
    decisions: affected,
    subjectIds,
    notification: {
      threshold,
      notify,
      text: `${subjectIds.length} subjects ${notify ? '≥' : '<'} threshold ${threshold}: ${notify ? 'notify' : 'no notification required'}`,
    },
  };
}

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
  if (decisions.length === 0) return [];
  const counts = new Map<number, number>();
  for (const d of decisions) {
    const start = Math.floor(decisionTime(d) / size) * size;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  let from = Infinity;
  let to = -Infinity;
  for (const s of counts.keys()) {
    from = Math.min(from, s);
    to = Math.max(to, s);
  }
  const bins: HistogramBin[] = [];
  for (let t = from; t <= to; t += size) bins.push({ start: new Date(t).toISOString(), count: counts.get(t) ?? 0 });
  return bins;
}

function tally(decisions: ReadonlyArray<Decision>, key: (d: Decision) => string): Counted[] {
  const m = new Map<string, number>();
  for (const d of decisions) {
    const k = key(d);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The decisions that consumed the suspect version(s) of a feature, and those that did not. */
export function impactScope(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: ImpactOptions = {},
): ImpactScope {
  const feature = decision.features.find((f) => f.name === featureName);
  const versionKind = feature?.featureVersion
    ? 'feature_version'
    : feature?.datasetVersion
      ? 'dataset_version'
      : 'none';
  const own = versionKind === 'feature_version' ? feature?.featureVersion : feature?.datasetVersion;
  const versions = new Set(options.versions?.length ? options.versions : own ? [own] : []);
  const affected: Decision[] = [];
  let notAffected = 0;
  const blast = options.blast && new Set(options.blast.decisions);
  for (const d of set.decisions) {
    const f = d.features.find((x) => x.name === featureName);
    if (!f) continue;
    const v = versionKind === 'feature_version' ? f.featureVersion : f.datasetVersion;
    if (blast ? blast.has(d) : versionKind === 'none' ? d === decision : v !== undefined && versions.has(v))
      affected.push(d);
    else notAffected++;
  }
  if (blast)
    for (const d of options.blast?.decisions ?? [])
      if (!d.features.some((f) => f.name === featureName)) affected.push(d);
  affected.sort((a, b) => decisionTime(a) - decisionTime(b));
  const until = Date.parse(decision.timestamp);
  const through = affected.filter((d) => decisionTime(d) <= until);
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
    }),
    throughDecision: {
      decisions: through.length,
      subjects: new Set(through.map((d) => d.subjectId).filter((s) => s !== undefined)).size,
    },
    affected: affected.length,
    notAffected,
    subjects: subjectIds.length,
    first: affected[0]?.timestamp,
    last: affected[affected.length - 1]?.timestamp,
    byHour: bucketCounts(affected, HOUR_MS),
    byDay: bucketCounts(affected, DAY_MS),
    byModelVersion: tally(affected, (d) => `${d.model.name}@${d.model.version ?? '?'}`),
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

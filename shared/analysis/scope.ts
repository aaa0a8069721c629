import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, DecisionFeature } from '../model/records';
import { DAY_MS, HOUR_MS } from '../time/format-time';
import type { HistogramBin, ScopeResult } from './types';

/**
 * The decisions that consumed the same version of a feature as this decision: the feature version where the
 * decision log records one, else the same dataset version. Counts, distinct subjects, first and last, and a
 * histogram (hourly when the span is under three days, else daily; empty buckets included).
 */
export function scopeImpact(set: EvidenceSet, decision: Decision, featureName: string): ScopeResult {
  const feature = decision.features.find((f) => f.name === featureName);
  const versionKind = feature?.featureVersion
    ? 'feature_version'
    : feature?.datasetVersion
      ? 'dataset_version'
      : 'none';
  const same = (f: DecisionFeature | undefined): boolean => {
    if (!f || !feature) return false;
    if (versionKind === 'feature_version') return f.featureVersion === feature.featureVersion;
    if (versionKind === 'dataset_version') return f.datasetVersion === feature.datasetVersion;
    return false;
  };
  const affected =
    versionKind === 'none'
      ? [decision]
      : set.decisions.filter((d) => same(d.features.find((f) => f.name === featureName)));
  const subjects = new Set(affected.map((d) => d.subjectId).filter((s): s is string => s !== undefined));
  const first = affected[0]?.timestamp;
  const last = affected[affected.length - 1]?.timestamp;
  const span = first && last ? Date.parse(last) - Date.parse(first) : 0;
  const bucket = span < 3 * DAY_MS ? 'hour' : 'day';
  return {
    featureName,
    versionKind,
    version: versionKind === 'feature_version' ? feature?.featureVersion : feature?.datasetVersion,
    decisions: affected.length,
    subjects: subjects.size,
    first,
    last,
    bucket,
    histogram: histogram(affected, bucket),
    decisionIds: affected.map((d) => d.decisionId),
  };
}

function histogram(decisions: ReadonlyArray<Decision>, bucket: 'hour' | 'day'): HistogramBin[] {
  if (decisions.length === 0) return [];
  const size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const counts = new Map<number, number>();
  for (const d of decisions) {
    const start = Math.floor(Date.parse(d.timestamp) / size) * size;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const starts = [...counts.keys()];
  const from = Math.min(...starts);
  const to = Math.max(...starts);
  const bins: HistogramBin[] = [];
  for (let t = from; t <= to; t += size) bins.push({ start: new Date(t).toISOString(), count: counts.get(t) ?? 0 });
  return bins;
}

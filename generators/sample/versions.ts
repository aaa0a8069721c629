/**
 * Version labels the serving and enforcement layers report: a feature's `feature_version` changes exactly
 * when production gets new logic for that feature; a tracking plan's `rule_version` numbers each new
 * content of the plan as it is first deployed.
 */
import type { DeploymentRecord, DeployTimeline } from './deployments';
import { CustomerFeatures } from './files/features';
import type { FileDoc } from './files/file-doc';
import type { History } from './history';
import { coreJob } from './world';

export function codeAt(history: History, d: DeploymentRecord): FileDoc | undefined {
  return history.snapshots.get(d.commitMark)?.get(d.job.path);
}

/** Feature name → label, per production deployment of the feature job. */
export function featureVersions(
  history: History,
  timeline: DeployTimeline,
  start: Readonly<Record<string, number>>,
): Map<string, Readonly<Record<string, string>>> {
  const out = new Map<string, Readonly<Record<string, string>>>();
  const counters = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const d of timeline.all(coreJob('features').key, 'production')) {
    const code = codeAt(history, d);
    if (!(code instanceof CustomerFeatures)) continue;
    const labels: Record<string, string> = {};
    for (const [feature, key] of Object.entries(code.featureKeys())) {
      if (keys.get(feature) !== key) {
        counters.set(feature, counters.has(feature) ? (counters.get(feature) ?? 0) + 1 : (start[feature] ?? 1));
        keys.set(feature, key);
      }
      labels[feature] = `v${counters.get(feature)}`;
    }
    out.set(d.id, labels);
  }
  return out;
}

/** Deployment id → rule version of the tracking plan it deployed (staging and production share numbers). */
export function trackingPlanVersions(
  history: History,
  deployments: ReadonlyArray<DeploymentRecord>,
  start: number,
): Map<string, string> {
  const byContent = new Map<string, number>();
  const out = new Map<string, string>();
  const ingest = coreJob('ingest').key;
  for (const d of deployments) {
    if (d.job.key !== ingest || d.status !== 'success') continue;
    const text = codeAt(history, d)?.render() ?? '';
    if (!byContent.has(text)) byContent.set(text, start + byContent.size);
    out.set(d.id, String(byContent.get(text)));
  }
  return out;
}

import type {
  AuditEntry,
  Commit,
  DatasetDefinition,
  Decision,
  Deployment,
  EnforcementEntry,
  EvidenceRecord,
  IdentityConfig,
  IdentityLink,
  JobDefinition,
  LineageRunEvent,
  PullRequest,
  TrackingPlanItem,
} from './records';
import { type RepeatedRecord, withoutRepeats } from './repeated-records';

/** All imported records of a case, grouped by kind: the input of every analysis. */
export interface EvidenceSet {
  readonly runs: ReadonlyArray<LineageRunEvent>;
  readonly commits: ReadonlyArray<Commit>;
  readonly pullRequests: ReadonlyArray<PullRequest>;
  readonly deployments: ReadonlyArray<Deployment>;
  readonly audit: ReadonlyArray<AuditEntry>;
  readonly enforcement: ReadonlyArray<EnforcementEntry>;
  readonly decisions: ReadonlyArray<Decision>;
  /** Jobs declared by configuration (dbt models, seeds, snapshots, tests). */
  readonly jobs: ReadonlyArray<JobDefinition>;
  /** Datasets declared by configuration or catalogs (dbt sources, models, catalog.json). */
  readonly datasets: ReadonlyArray<DatasetDefinition>;
  readonly trackingPlans: ReadonlyArray<TrackingPlanItem>;
  readonly identityConfigs: ReadonlyArray<IdentityConfig>;
  /** Edges of identity graphs (identity resolution output), by the time each was made. */
  readonly identityLinks: ReadonlyArray<IdentityLink>;
}

/**
 * Groups records by kind, each list sorted by its time (stable for equal times). A record read again (the same
 * decision, the same entry, from another file or line: repeated-records.ts) counts once; `onRepeat` is told of each.
 */
export function toEvidenceSet(
  records: Iterable<EvidenceRecord>,
  onRepeat?: (repeat: RepeatedRecord) => void,
): EvidenceSet {
  const runs: LineageRunEvent[] = [];
  const commits: Commit[] = [];
  const pullRequests: PullRequest[] = [];
  const deployments: Deployment[] = [];
  const audit: AuditEntry[] = [];
  const enforcement: EnforcementEntry[] = [];
  const decisions: Decision[] = [];
  const jobs: JobDefinition[] = [];
  const datasets: DatasetDefinition[] = [];
  const trackingPlans: TrackingPlanItem[] = [];
  const identityConfigs: IdentityConfig[] = [];
  const identityLinks: IdentityLink[] = [];
  for (const r of withoutRepeats(records, onRepeat)) {
    switch (r.kind) {
      case 'lineage-run':
        runs.push(r);
        break;
      case 'commit':
        commits.push(r);
        break;
      case 'pull-request':
        pullRequests.push(r);
        break;
      case 'deployment':
        deployments.push(r);
        break;
      case 'audit':
        audit.push(r);
        break;
      case 'enforcement':
        enforcement.push(r);
        break;
      case 'decision':
        decisions.push(r);
        break;
      case 'job':
        jobs.push(r);
        break;
      case 'dataset':
        datasets.push(r);
        break;
      case 'tracking-plan-item':
        trackingPlans.push(r);
        break;
      case 'identity-config':
        identityConfigs.push(r);
        break;
      case 'identity-link':
        identityLinks.push(r);
        break;
    }
  }
  const byTime =
    <T>(time: (x: T) => string) =>
    (a: T, b: T) =>
      Date.parse(time(a)) - Date.parse(time(b));
  runs.sort(byTime((r) => r.eventTime));
  commits.sort(byTime((c) => c.committerDate));
  deployments.sort(byTime((d) => d.timestamp));
  audit.sort(byTime((a) => a.timestamp));
  enforcement.sort(byTime((e) => e.timestamp));
  decisions.sort(byTime((d) => d.timestamp));
  identityLinks.sort(byTime((l) => l.validFrom));
  return {
    runs,
    commits,
    pullRequests,
    deployments,
    audit,
    enforcement,
    decisions,
    jobs,
    datasets,
    trackingPlans,
    identityConfigs,
    identityLinks,
  };
}

/**
 * The world's shape, drawn from its seed before anything is simulated: its time span, which cause is planted and
 * how, how the team logs runs and decisions, and how its repositories are handed over.
 */
import { Rng } from './prng.js';
import { DAY, HOUR } from './time.js';

export const CAUSE_KINDS = [
  'unapproved-merge',
  'stale-approval',
  'approved-buggy-commit',
  'ui-edit',
  'untracked-change',
  'tracking-plan-edit',
  'identity-rule-change',
  'manual-identity-merge',
  'schema-change',
  'deployment-deviation',
  'bad-rollback',
] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

const VARIANTS: Record<CauseKind, ReadonlyArray<string>> = {
  'unapproved-merge': ['commented-only', 'self-approved'],
  'stale-approval': ['merge-commit', 'squash'],
  'approved-buggy-commit': ['merge-commit', 'squash'],
  'ui-edit': ['ui', 'api'],
  'untracked-change': ['sql-facet', 'deployment-only'],
  'tracking-plan-edit': ['audit', 'commit'],
  'identity-rule-change': ['commit', 'audit'],
  'manual-identity-merge': ['bulk'],
  'schema-change': ['connector', 'connector-audit', 'upstream-commit'],
  'deployment-deviation': ['branch-to-production', 'unreviewed-commit', 'skipped-staging'],
  'bad-rollback': ['old-release'],
};

export type DatasetVersionShape = 'version-facet' | 'run-id' | 'none';
export type RunEnvironment = 'production-only' | 'namespace' | 'facet';

export interface WorldPlan {
  readonly seed: number;
  readonly attempt: number;
  readonly rng: Rng;
  readonly start: number;
  readonly days: number;
  readonly end: number;
  readonly cause: CauseKind;
  readonly variant: string;
  /** When the planted change is made (it takes effect later, when it reaches production data). */
  readonly causeAt: number;
  readonly fix: boolean;
  readonly repositories: number;
  readonly jobs: number;
  readonly featureVersion: boolean;
  readonly datasetVersion: DatasetVersionShape;
  readonly runsNameCommit: boolean;
  readonly repoForm: 'folder' | 'bundle';
  readonly runEnvironment: RunEnvironment;
  /** Outputs carry the `version` facet (always when decisions log it). */
  readonly versionFacets: boolean;
  readonly versionStyle: 'counter' | 'snapshot' | 'uuid';
  readonly columnLineage: boolean;
  readonly urlStyle: 'repo' | 'repo-git' | 'blob';
  readonly deployStyle: 'repo' | 'component';
  readonly componentNaming: 'job' | 'path';
  readonly repositoryNaming: 'name' | 'full';
  readonly runEveryHours: 12 | 24;
  readonly decisionCount: number;
  /** Offset of the audit and deployment timestamps from UTC, in minutes (0 = `Z`). */
  readonly recordOffset: number;
  readonly lineageFiles: 'single' | 'weekly';
  readonly enforcement: boolean;
  readonly causeInFeatureJob: boolean;
  readonly featureNaming: 'field' | 'view';
  readonly decisionMillis: boolean;
}

/** Draws the plan of world `seed` (attempt > 0 re-draws a world whose simulation was unusable). */
export function planWorld(seed: number, attempt = 0): WorldPlan {
  const rng = new Rng(seed * 7919 + attempt * 104729 + 17);
  const r = rng.fork('plan');
  const days = r.int(30, 60);
  const start = Date.UTC(2025, 0, 6) + r.int(0, 540) * DAY;
  const cause = r.pick(CAUSE_KINDS);
  let variant = r.pick(VARIANTS[cause]);
  let jobs = r.int(2, 6);
  const needs = minimumJobs(cause, variant);
  if (jobs < needs) jobs = r.chance(0.5) ? needs : r.int(needs, 6);
  if (cause === 'schema-change' && variant.startsWith('connector') && jobs < 3) variant = 'upstream-commit';
  const repositories = r.int(1, 3);
  const datasetVersion = r.weighted<DatasetVersionShape>([
    ['version-facet', 4],
    ['run-id', 3],
    ['none', 3],
  ]);
  const causeAt = start + Math.floor(days * r.float(0.28, 0.55)) * DAY + r.int(8, 17) * HOUR + r.int(0, 59) * 60_000;
  return {
    seed,
    attempt,
    rng,
    start,
    days,
    end: start + days * DAY,
    cause,
    variant,
    causeAt,
    fix: r.chance(0.5),
    repositories,
    jobs,
    featureVersion: r.chance(0.5),
    datasetVersion,
    runsNameCommit: r.chance(0.55),
    repoForm: r.chance(0.7) ? 'folder' : 'bundle',
    runEnvironment: r.pick(['production-only', 'namespace', 'facet'] as const),
    versionFacets: datasetVersion === 'version-facet' || r.chance(0.4),
    versionStyle: r.pick(['counter', 'snapshot', 'uuid'] as const),
    columnLineage: r.chance(0.6),
    urlStyle: r.pick(['repo', 'repo-git', 'blob'] as const),
    deployStyle: r.chance(0.6) ? 'repo' : 'component',
    componentNaming: r.chance(0.5) ? 'job' : 'path',
    repositoryNaming: r.chance(0.6) ? 'name' : 'full',
    runEveryHours: r.chance(0.7) ? 24 : 12,
    decisionCount: r.int(300, 2400),
    recordOffset: r.weighted([
      [0, 6],
      [60, 1],
      [120, 1],
      [-300, 1],
      [330, 1],
    ]),
    lineageFiles: r.chance(0.65) ? 'single' : 'weekly',
    enforcement: cause === 'tracking-plan-edit' ? r.chance(0.8) : r.chance(0.3),
    causeInFeatureJob: r.chance(0.55),
    featureNaming: r.chance(0.3) ? 'view' : 'field',
    decisionMillis: r.chance(0.5),
  };
}

/** The fewest jobs a cause needs: an events job for a tracking plan, an identity job, a connector. */
function minimumJobs(cause: CauseKind, variant: string): number {
  if (cause === 'manual-identity-merge' || cause === 'identity-rule-change') return 3;
  if (cause === 'schema-change' && variant.startsWith('connector')) return 3;
  return 2;
}

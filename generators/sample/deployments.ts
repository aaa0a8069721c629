/**
 * Deployment records: the day-0 baseline of every job, then for each merged pull request that changed a
 * job's code a staging deployment some hours after the merge and a production promotion about a day
 * later, one record per job (`component`). The planted change goes straight to production.
 */
import type { Cast } from './cast';
import type { History, PullRequestRecord } from './history';
import type { Rng } from './prng';
import { HOUR, MINUTE, toWorkingTime } from './time';
import type { JobDef } from './world';

export type Environment = 'staging' | 'production';

export interface DeploymentRecord {
  readonly id: string;
  readonly ms: number;
  readonly environment: Environment;
  readonly commitMark: number;
  readonly job: JobDef;
  readonly actor: string;
  readonly status: 'success' | 'failure';
  readonly pullRequest?: number;
  /** A commit of another repository (code deployed from outside this one); `commitMark` is then unused. */
  readonly externalCommit?: string;
  readonly repository?: string;
}

export const DEPLOY_BOT = 'deploy-bot';

export interface DeploymentInput {
  readonly rng: Rng;
  readonly history: History;
  readonly jobs: ReadonlyArray<JobDef>;
  readonly cast: Cast;
  /** Day 0, 00:00 UTC. */
  readonly startMs: number;
  readonly endMs: number;
  /** The commit deployed everywhere on day 0. */
  readonly baselineMark: number;
  /** Story keys whose first staging deployment fails once and is retried. */
  readonly failOnce: ReadonlyArray<string>;
  /** Deployments of code from outside the repository (scenarios only). */
  readonly external?: ReadonlyArray<Omit<DeploymentRecord, 'id'>>;
}

export function planDeployments(input: DeploymentInput): DeploymentRecord[] {
  const { rng, cast, startMs, endMs } = input;
  const out: Omit<DeploymentRecord, 'id'>[] = [];
  const last = new Map<string, number>();
  const add = (d: Omit<DeploymentRecord, 'id'>) => {
    const key = `${d.job.key}/${d.environment}`;
    const ms = Math.max(d.ms, (last.get(key) ?? 0) + 3 * MINUTE);
    if (ms > endMs) return;
    if (d.status === 'success') last.set(key, ms);
    out.push({ ...d, ms });
  };
  const lead = cast.lead;
  input.jobs.forEach((job, j) => {
    const at = (hour: number) => startMs + hour * HOUR - lead.offsetMinutes * MINUTE + j * 2 * MINUTE;
    const base = { commitMark: input.baselineMark, job, status: 'success' as const };
    add({ ...base, ms: at(14), environment: 'staging', actor: DEPLOY_BOT });
    add({ ...base, ms: at(15.5), environment: 'production', actor: lead.login });
  });

  const merged = input.history.pullRequests
    .filter((pr): pr is PullRequestRecord & { mergeMark: number } => pr.mergeMark !== undefined)
    .sort((a, b) => (a.plan.merge?.ms ?? 0) - (b.plan.merge?.ms ?? 0));
  for (const pr of merged) {
    const plan = pr.plan;
    const mergeMs = plan.merge?.ms ?? 0;
    const jobs = input.jobs.filter((j) => pr.paths.includes(j.path));
    if (plan.deploy === 'none' || jobs.length === 0) continue;
    const base = { commitMark: pr.mergeMark, pullRequest: pr.number, status: 'success' as const };
    if (plan.deploy === 'production-only') {
      const ms = mergeMs + rng.int(12, 35) * MINUTE;
      for (const job of jobs) add({ ...base, job, ms, environment: 'production', actor: plan.author.login });
      continue;
    }
    let stagingMs = mergeMs + rng.int(60, 300) * MINUTE;
    const fails = input.failOnce.includes(plan.key) || rng.chance(0.04);
    const releaser = rng.pick(cast.releasers);
    const productionMark =
      plan.productionCommit === undefined ? pr.mergeMark : (pr.commitMarks[plan.productionCommit] ?? pr.mergeMark);
    const prodMs = toWorkingTime(stagingMs + rng.int(18, 28) * HOUR, releaser.offsetMinutes, rng.int(0, 90));
    for (const job of jobs) {
      if (fails) {
        add({ ...base, job, ms: stagingMs, environment: 'staging', actor: DEPLOY_BOT, status: 'failure' });
        stagingMs += rng.int(25, 70) * MINUTE;
      }
      add({ ...base, job, ms: stagingMs, environment: 'staging', actor: DEPLOY_BOT });
      // Out of parity: the author promotes the branch commit the same afternoon.
      const ms = plan.productionCommit === undefined ? Math.max(prodMs, stagingMs + HOUR) : stagingMs + 2 * HOUR;
      add({ ...base, commitMark: productionMark, job, ms, environment: 'production', actor: releaser.login });
    }
  }
  for (const d of input.external ?? []) add(d);
  const order = new Map(input.jobs.map((j, i) => [j.key, i]));
  return out
    .sort((a, b) => a.ms - b.ms || (order.get(a.job.key) ?? 0) - (order.get(b.job.key) ?? 0))
    .map((d, i) => ({ ...d, id: `dep-${i + 1}` }));
}

/** The successful deployments of each job and environment, to ask what ran where at a time. */
export class DeployTimeline {
  private readonly byKey = new Map<string, DeploymentRecord[]>();

  constructor(deployments: ReadonlyArray<DeploymentRecord>) {
    for (const d of deployments) {
      if (d.status !== 'success' || d.externalCommit !== undefined) continue;
      const key = `${d.job.key}/${d.environment}`;
      const list = this.byKey.get(key) ?? [];
      list.push(d);
      this.byKey.set(key, list);
    }
  }

  /** The deployment in force for a job in an environment at `ms` (the latest at or before it). */
  at(jobKey: string, environment: Environment, ms: number): DeploymentRecord | undefined {
    const list = this.byKey.get(`${jobKey}/${environment}`) ?? [];
    let lo = 0;
    let hi = list.length - 1;
    let found: DeploymentRecord | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = list[mid] as DeploymentRecord;
      if (d.ms <= ms) {
        found = d;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  all(jobKey: string, environment: Environment): ReadonlyArray<DeploymentRecord> {
    return this.byKey.get(`${jobKey}/${environment}`) ?? [];
  }
}

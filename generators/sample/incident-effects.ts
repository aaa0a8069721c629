/**
 * Where a scenario's cause lands once the plan is played: the deployment from outside the repository, the
 * first feature run that reads degraded data, and the ids of the planted change as FORMATS.md names them.
 */
import type { AuditRecord } from './audit';
import type { DeploymentRecord } from './deployments';
import type { EligibilityRule } from './files/features';
import type { History } from './history';
import type { Incident } from './incident';
import type { RunRecord } from './runs';
import { coreJob } from './world';

/** The deployment record of code from outside the repository, if the incident has one. */
export function externalDeployments(incident: Incident | undefined, baselineMark: number): DeploymentRecord[] {
  const e = incident?.external;
  if (!e) return [];
  return [
    {
      id: '',
      ms: e.ms,
      environment: 'production',
      commitMark: baselineMark,
      job: coreJob(e.jobKey),
      actor: e.actor,
      status: 'success',
      externalCommit: e.commit,
      repository: e.repository,
    },
  ];
}

export interface ResolvedDegradation {
  readonly fromNominalMs: number;
  readonly degrade: (rule: EligibilityRule) => EligibilityRule;
}

function pullRequestNumber(history: History, key: string): number {
  const pr = history.pullRequests.find((p) => p.plan.key === key);
  if (!pr) throw new Error(`the scenario has no pull request ${key}`);
  return pr.number;
}

/** The nominal time of the slot whose run of the degraded job first ran after the cause reached production. */
export function resolveDegradation(
  incident: Incident | undefined,
  history: History,
  deployments: ReadonlyArray<DeploymentRecord>,
  runs: ReadonlyArray<RunRecord>,
): ResolvedDegradation | undefined {
  const d = incident?.degradation;
  if (!d) return undefined;
  let fromMs: number;
  if ('ms' in d.from) fromMs = d.from.ms;
  else {
    const number = pullRequestNumber(history, d.from.pullRequest);
    const production = deployments.find(
      (x) =>
        x.pullRequest === number && x.environment === 'production' && x.status === 'success' && x.job.key === d.jobKey,
    );
    if (!production) throw new Error(`the scenario's pull request ${d.from.pullRequest} never reached production`);
    fromMs = production.ms;
  }
  const first = runs.find((r) => r.job.key === d.jobKey && r.startMs >= fromMs);
  return { fromNominalMs: first?.nominalMs ?? Number.POSITIVE_INFINITY, degrade: d.degrade };
}

/** The planted change's ids: full commit SHAs, audit entry ids, deployment ids. */
export function plantedIds(
  incident: Incident,
  history: History,
  deployments: ReadonlyArray<DeploymentRecord>,
  audit: ReadonlyArray<AuditRecord>,
  shaOf: (mark: number) => string,
): string[] {
  return incident.planted.map((ref) => {
    if ('commitOf' in ref) {
      const pr = history.pullRequests.find((p) => p.plan.key === ref.commitOf);
      const mark = pr?.commitMarks[ref.index];
      if (mark === undefined) throw new Error(`no commit ${ref.index} in pull request ${ref.commitOf}`);
      return shaOf(mark);
    }
    if ('direct' in ref) {
      const mark = history.direct.find((d) => d.plan.key === ref.direct)?.mark;
      if (mark === undefined) throw new Error(`no direct commit ${ref.direct}`);
      return shaOf(mark);
    }
    if ('productionDeploymentOf' in ref) {
      const number = pullRequestNumber(history, ref.productionDeploymentOf);
      const d = deployments.find((x) => x.pullRequest === number && x.environment === 'production');
      if (!d) throw new Error(`pull request ${ref.productionDeploymentOf} was never deployed to production`);
      return d.id;
    }
    if ('audit' in ref) {
      const a = audit.find((x) => x.planted);
      if (!a) throw new Error('the planted audit entry is missing');
      return a.id;
    }
    const d = deployments.find((x) => x.externalCommit !== undefined);
    if (!d) throw new Error('the deployment from outside the repository is missing');
    return d.id;
  });
}

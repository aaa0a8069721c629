/**
 * The JSON files of a world: GitHub REST pull requests with reviews, the app's deployment, audit, enforcement
 * and decision JSONL formats (FORMATS.md). Commit SHAs are read from the written repositories.
 */
import type { Decision } from './decisions.js';
import type { Rng } from './prng.js';
import type { Sim } from './sim.js';
import { HOUR, iso } from './time.js';
import type { AuditEntry, CommitNode, Deployment, PullRequest } from './types.js';

const sha = (c: CommitNode | undefined): string | null => c?.sha ?? null;

export function pullRequestJson(pr: PullRequest): unknown {
  const full = `${pr.repo.org}/${pr.repo.name}`;
  const repo = { name: pr.repo.name, full_name: full, html_url: `https://github.com/${full}` };
  const tip = pr.commits.at(-1)!;
  const merged = pr.mergedAt !== undefined;
  return {
    url: `https://api.github.com/repos/${full}/pulls/${pr.number}`,
    html_url: `https://github.com/${full}/pull/${pr.number}`,
    number: pr.number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    user: { login: pr.author.login, type: 'User' },
    labels: pr.labels.map((name) => ({ name })),
    created_at: iso(pr.createdAt),
    updated_at: iso(Math.max(pr.closedAt ?? 0, ...pr.reviews.map((r) => r.at), tip.authorTime, pr.createdAt)),
    closed_at: pr.closedAt !== undefined ? iso(pr.closedAt) : null,
    merged_at: merged ? iso(pr.mergedAt!) : null,
    merge_commit_sha: merged ? sha(pr.mergeCommit) : null,
    merged: merged,
    merged_by: pr.mergedBy ? { login: pr.mergedBy.login } : null,
    draft: false,
    head: { label: `${pr.repo.org}:${pr.branch}`, ref: pr.branch, sha: sha(tip), repo },
    base: {
      label: `${pr.repo.org}:${pr.repo.defaultBranch}`,
      ref: pr.repo.defaultBranch,
      sha: sha(pr.baseCommit),
      repo,
    },
    commits: pr.commits.length,
    reviews: pr.reviews.map((r) => ({
      id: r.id,
      user: { login: r.user.login, type: 'User' },
      body: r.body,
      state: r.state,
      submitted_at: iso(r.at),
      commit_id: sha(r.commit),
      html_url: `https://github.com/${full}/pull/${pr.number}#pullrequestreview-${r.id}`,
    })),
  };
}

export function deploymentLine(sim: Sim, d: Deployment): string {
  const repository = sim.plan.repositoryNaming === 'name' ? d.repo.name : `${d.repo.org}/${d.repo.name}`;
  return JSON.stringify({
    id: d.id,
    timestamp: iso(d.time, sim.plan.recordOffset),
    environment: d.env,
    repository,
    commit: d.commit.sha,
    ...(d.component && { component: d.component }),
    actor: d.actor,
    status: d.status,
    ...(d.pullRequest !== undefined && { pull_request: d.pullRequest }),
    ...(d.kind === 'rollback'
      ? { description: 'rollback' }
      : d.kind === 'hotfix' || d.kind === 'fix'
        ? { description: 'hotfix' }
        : {}),
  });
}

export function auditLine(sim: Sim, e: AuditEntry): string {
  return JSON.stringify({
    id: e.id,
    timestamp: iso(e.time, sim.plan.recordOffset),
    actor: e.actor,
    action: e.action,
    target: e.target,
    environment: e.environment,
    channel: e.channel,
    before: e.before,
    after: e.after,
  });
}

/** How the decision log names a feature: by its field, or `table:field` as a feature store does. */
export function featureName(sim: Sim, field: string): string {
  const ds = sim.pipeline.featureJob.output;
  return sim.plan.featureNaming === 'view' ? `${ds.name.split('.').pop()!.toLowerCase()}:${field}` : field;
}

export function decisionLine(sim: Sim, d: Decision): string {
  const { plan, pipeline } = sim;
  const { model, target, others } = pipeline.choice;
  const ds = pipeline.featureJob.output;
  const naming = (n: string) => featureName(sim, n);
  const datasetVersion =
    plan.datasetVersion === 'version-facet'
      ? d.version?.id
      : plan.datasetVersion === 'run-id'
        ? d.version?.run.runId
        : undefined;
  const feature = (name: string) => ({
    name: naming(name),
    value: d.values.get(name),
    dataset: { namespace: ds.namespace, name: ds.name },
    field: name,
    ...(datasetVersion && { dataset_version: datasetVersion }),
    ...(plan.featureVersion && d.version?.featureVersion && { feature_version: d.version.featureVersion }),
  });
  return JSON.stringify({
    decision_id: d.id,
    timestamp: iso(d.time, 0, plan.decisionMillis),
    subject_id: d.subject,
    model: { name: model.name, version: d.modelVersion },
    environment: 'production',
    output: { label: d.label, score: d.score },
    action: d.action,
    features: [feature(target.name), ...others.map((o) => feature(o.name))],
  });
}

/** Enforcement of the tracking plan on incoming events: passed, or dropped while the plan is broken. */
export function enforcementLines(sim: Sim, rng: Rng): string[] {
  const tp = sim.pipeline.trackingPlan;
  if (!tp || !sim.plan.enforcement) return [];
  const cause = sim.cause;
  const broken = (t: number) =>
    cause?.kind === 'tracking-plan-edit' &&
    cause.liveAt !== undefined &&
    t >= cause.liveAt &&
    (cause.fixAt === undefined || t < cause.fixAt);
  const edits = sim.audit.filter((e) => e.target.type === 'tracking_plan').map((e) => e.time);
  const baseVersion = rng.int(4, 30);
  const lines: string[] = [];
  let n = rng.int(1, 5000);
  for (let t = sim.plan.start; t < sim.plan.end; t += rng.int(1, 5) * HOUR) {
    const version =
      baseVersion +
      edits.filter((x) => x <= t).length +
      (cause?.liveAt !== undefined &&
      t >= cause.liveAt &&
      cause.kind === 'tracking-plan-edit' &&
      sim.plan.variant === 'commit'
        ? 1
        : 0);
    const order = rng.chance(0.4);
    const dropped = order && broken(t);
    const flagged = !dropped && rng.chance(0.06);
    lines.push(
      JSON.stringify({
        id: `e-${n++}`,
        timestamp: iso(t + rng.int(0, 3_599_999)),
        event_id: `evt-${rng.hex(10)}`,
        source: rng.pick(['web', 'ios', 'android']),
        rule: `tracking_plan:${tp.name}`,
        rule_version: String(version),
        outcome: dropped ? 'dropped' : flagged ? 'flagged' : 'passed',
        violations: dropped
          ? [{ property: 'order_total', message: 'expected string, got number' }]
          : flagged
            ? [{ property: 'referrer', message: 'unplanned property' }]
            : [],
        environment: 'production',
      }),
    );
  }
  return lines;
}

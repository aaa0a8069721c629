/**
 * Causes carried by commits: a wrong line merged through a pull request (unapproved, stale-approved or
 * properly approved), pushed without review, deployed from a branch, rushed to production before staging,
 * changed on an untracked job, or brought back by rolling production back to an old release.
 */
import { innocentEdit } from './code-files.js';
import { deploy, deployedCommit, promote } from './deployments.js';
import { branchName, directPush, openPullRequest, type Push, type ReviewPattern } from './git-history.js';
import type { Rng } from './prng.js';
import { head } from './repo-model.js';
import { actorName, type CauseRecord, type Sim } from './sim.js';
import { HOUR, MINUTE, ymd } from './time.js';
import type { CommitNode, Job, Person } from './types.js';
import { fixAfterDetection, introducing, lineEdit, retry, revertFix } from './cause-helpers.js';

export interface CodeChange {
  readonly job: Job;
  readonly path: string;
  readonly good: string;
  readonly bad: string;
  readonly title: string;
}

const TITLES = [
  'Simplify {x} thresholds',
  'Align {x} with the new source',
  'Fix null handling in {x}',
  'Refactor {x} expressions',
  'Speed up {x}',
];

export function titleFor(rng: Rng, job: Job): string {
  return rng.pick(TITLES).replace('{x}', job.name.split('.').pop()!);
}

/** A pull request carrying the wrong line; the cause's ids get the introducing commit and the merge. */
export function bugPullRequest(
  sim: Sim,
  rng: Rng,
  cause: CauseRecord,
  change: CodeChange,
  review: ReviewPattern,
  outcome: 'merge' | 'squash' | 'open',
  then?: (merge: CommitNode | undefined, author: Person, prNumber: number) => void,
): void {
  const { job, path } = change;
  const author = rng.pick(sim.team.engineers);
  const innocent: Push = {
    message: `Tidy ${path}`,
    edit: (files) => new Map([[path, innocentEdit(files.get(path) ?? '', job.lang, rng)]]),
  };
  const bug = lineEdit(
    path,
    change.good,
    change.bad,
    rng.pick([change.title, 'apply review feedback', 'fix edge case', 'update expression']),
  );
  const pushes = review === 'stale' ? [innocent, bug] : rng.chance(0.3) ? [bug, innocent] : [bug];
  retry(sim, () => {
    const pr = openPullRequest(
      sim,
      {
        repo: job.repo!,
        author,
        title: change.title,
        branch: branchName(rng, author, 'feature', change.title),
        pushes,
        review,
        outcome,
        approvedAfter: 1,
        owner: 'cause',
        onMerged: (p, merge) => {
          const c = introducing(p.commits, path, change.bad);
          if (c) cause.ids.unshift({ commit: c });
          cause.ids.splice(c ? 1 : 0, 0, { commit: merge });
          then?.(merge, author, p.number);
        },
      },
      rng,
    );
    if (pr && outcome === 'open') {
      cause.ids.unshift({ commit: introducing(pr.commits, path, change.bad)! });
      then?.(undefined, author, pr.number);
    }
    return pr !== undefined;
  });
}

export function plantCodeCause(sim: Sim, rng: Rng, cause: CauseRecord, change: CodeChange): void {
  const { plan } = sim;
  const { job, path } = change;
  const repo = job.repo!;
  const revert = () => revertFix(sim, rng, cause, repo, path, change.bad, change.good, change.title);
  const mergeStyle =
    plan.variant === 'squash' || (plan.variant !== 'merge-commit' && rng.chance(0.35)) ? 'squash' : 'merge';
  const when = ` on ${ymd(plan.causeAt)}`;
  if (plan.cause === 'unapproved-merge' || plan.cause === 'stale-approval' || plan.cause === 'approved-buggy-commit') {
    const review: ReviewPattern =
      plan.cause === 'stale-approval'
        ? 'stale'
        : plan.cause === 'approved-buggy-commit'
          ? rng.pick(['approved', 'changes-then-approved'] as const)
          : plan.variant === 'self-approved'
            ? 'self'
            : 'commented';
    const how =
      {
        stale: 'approved on an earlier head, then the wrong line was pushed and merged',
        self: 'approved only by its author',
        commented: 'merged with only a COMMENTED review',
      }[review as 'stale'] ?? 'reviewed and approved';
    cause.story = `A change to ${path} in ${repo.name} (${job.name}) was ${how}${when}; it broke ${sim.pipeline.choice.target.name} once released to production.`;
    sim.clock.at(plan.causeAt, () => bugPullRequest(sim, rng, cause, change, review, mergeStyle));
    fixAfterDetection(sim, rng, cause, revert);
    return;
  }
  if (plan.variant === 'unreviewed-commit') {
    cause.story = `${change.title}: pushed straight to ${repo.defaultBranch} of ${repo.name} without a pull request${when}, then released to production.`;
    sim.clock.at(plan.causeAt, () =>
      retry(sim, () => {
        const c = directPush(
          sim,
          repo,
          rng.pick(sim.team.engineers),
          change.title,
          lineEdit(path, change.good, change.bad, '').edit,
          'cause',
        );
        if (c) cause.ids.unshift({ commit: c });
        return c !== undefined;
      }),
    );
    fixAfterDetection(sim, rng, cause, revert);
    return;
  }
  if (plan.variant === 'skipped-staging') {
    cause.story = `${change.title} in ${repo.name} was approved and merged${when}, then deployed to production by its author minutes later, before staging.`;
    sim.clock.at(plan.causeAt, () =>
      bugPullRequest(sim, rng, cause, change, 'approved', mergeStyle, (merge, author, pr) => {
        sim.clock.at(sim.clock.now + rng.int(1, 3) * MINUTE, () => {
          if (merge)
            promote(sim, repo, 'production', merge, { actor: actorName(sim, author), kind: 'hotfix', pr, force: true });
        });
      }),
    );
    fixAfterDetection(sim, rng, cause, revert);
    return;
  }
  if (plan.variant === 'branch-to-production') {
    cause.story = `The branch of an unmerged pull request changing ${path} (${job.name}) was deployed to production${when}; releases of ${repo.name} were paused afterwards.`;
    sim.clock.at(plan.causeAt, () =>
      bugPullRequest(sim, rng, cause, change, rng.pick(['commented', 'none'] as const), 'open', (_m, author, pr) => {
        sim.clock.at(sim.clock.now + rng.int(3, 8) * HOUR, () => {
          const tip = [...sim.prs]
            .reverse()
            .find((p) => p.repo === repo && p.number === pr)!
            .commits.at(-1)!;
          repo.frozen = true;
          promote(sim, repo, 'production', tip, { actor: actorName(sim, author), kind: 'manual', pr, force: true });
        });
      }),
    );
    fixAfterDetection(sim, rng, cause, () => rollForward(sim, rng, cause, job));
    return;
  }
  if (plan.cause === 'untracked-change') {
    cause.story = `${job.name}, whose runs name no source code, was changed by a direct push to ${path}${when} and deployed to production as component ${job.namespace}:${job.name}.`;
    sim.clock.at(plan.causeAt, () =>
      retry(sim, () => {
        const author = rng.pick(sim.team.engineers);
        const c = directPush(
          sim,
          repo,
          author,
          change.title,
          lineEdit(path, change.good, change.bad, '').edit,
          'cause',
        );
        if (!c) return false;
        cause.ids.unshift({ commit: c });
        sim.clock.at(sim.clock.now + rng.int(10, 90) * MINUTE, () => {
          deploy(sim, {
            env: 'production',
            repo,
            commit: c,
            component: `${job.namespace}:${job.name}`,
            componentPaths: [path],
            actor: actorName(sim, author),
            status: 'success',
            kind: 'manual',
          });
        });
        return true;
      }),
    );
    fixAfterDetection(sim, rng, cause, revert);
  }
}

/** The fix of an out-of-band production state: deploy again what the default branch says. */
export function rollForward(sim: Sim, rng: Rng, cause: CauseRecord, job: Job): void {
  const repo = job.repo!;
  repo.frozen = false;
  const target = deployedCommit(sim, 'staging', repo, undefined, sim.clock.now) ?? head(repo);
  const actor = actorName(sim, rng.pick(sim.team.releasers));
  for (const d of promote(sim, repo, 'production', target, { actor, kind: 'fix', force: true }))
    cause.fixIds.push({ id: d.id });
  cause.fixIds.push({ commit: target });
  cause.fixStory = `production was redeployed from ${repo.defaultBranch} on ${ymd(sim.clock.now)}`;
}

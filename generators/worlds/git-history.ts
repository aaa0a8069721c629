/**
 * How changes land in the repositories: pull requests (reviews approved, stale, commented, self-approved or
 * none; merged with a merge commit or squashed, closed unmerged, or left open), direct pushes, and branches
 * that are never merged.
 */
import type { Rng } from './prng.js';
import {
  branchChanges,
  commit,
  deleteBranch,
  GITHUB,
  head,
  lock,
  lockFree,
  unlock,
  type FileEdits,
} from './repo-model.js';
import { other, type Sim } from './sim.js';
import { HOUR, MINUTE } from './time.js';
import type { CommitNode, Person, PullRequest, RepoModel, Review, ReviewState } from './types.js';

export type ReviewPattern = 'approved' | 'stale' | 'commented' | 'self' | 'none' | 'changes-then-approved';
export type PrOutcome = 'merge' | 'squash' | 'close' | 'open';

export interface Push {
  readonly message: string;
  readonly edit: (files: ReadonlyMap<string, string>) => FileEdits;
}

export interface PrSpec {
  readonly repo: RepoModel;
  readonly author: Person;
  readonly title: string;
  readonly branch: string;
  readonly pushes: ReadonlyArray<Push>;
  readonly review: ReviewPattern;
  readonly outcome: PrOutcome;
  /** For a stale approval: how many pushes come before the approval (the rest after it). */
  readonly approvedAfter?: number;
  readonly owner: string;
  readonly labels?: string[];
  readonly mergeDelayHours?: number;
  readonly onMerged?: (pr: PullRequest, merge: CommitNode, time: number) => void;
}

/** Opens a pull request now (the clock's time); returns undefined when a merging change holds its files. */
export function openPullRequest(sim: Sim, spec: PrSpec, rng: Rng): PullRequest | undefined {
  const { repo, author } = spec;
  const start = sim.clock.now;
  let branch = spec.branch;
  for (let n = 2; repo.heads.has(branch) || repo.deletedBranches.has(branch); n++) branch = `${spec.branch}-${n}`;
  const base = head(repo);
  const willMerge = spec.outcome === 'merge' || spec.outcome === 'squash';
  let files: ReadonlyMap<string, string> = base.files;
  const planned = spec.pushes.map((p) => {
    const edits = p.edit(files);
    const next = new Map(files);
    for (const [k, v] of edits)
      if (v === null) next.delete(k);
      else next.set(k, v);
    files = next;
    return { message: p.message, edits };
  });
  const paths = [...new Set(planned.flatMap((p) => [...p.edits.keys()]))];
  if (willMerge && !lockFree(repo, paths, spec.owner)) return undefined;
  if (willMerge) lock(repo, paths, spec.owner);

  const reviews: Review[] = [];
  const review = (user: Person, state: ReviewState, at: number, c: CommitNode, body: string) =>
    reviews.push({ id: 1_000_000 + sim.nextReview++ * 7 + rng.int(0, 6), user, state, at, commit: c, body });
  const reviewer = other(sim, rng, [author]);
  const commits: CommitNode[] = [];
  let t = start;
  let tip = base;
  planned.forEach((p, i) => {
    t += i === 0 ? rng.int(5, 90) * MINUTE : rng.int(20, 300) * MINUTE;
    tip = commit(repo, branch, { parents: [tip], edits: p.edits, message: p.message, author, time: t });
    commits.push(tip);
    if (spec.review === 'stale' && i + 1 === (spec.approvedAfter ?? 1)) {
      t += rng.int(30, 240) * MINUTE;
      review(reviewer, 'APPROVED', t, tip, 'LGTM');
    }
    if (spec.review === 'changes-then-approved' && i === 0 && planned.length > 1) {
      t += rng.int(30, 240) * MINUTE;
      review(reviewer, 'CHANGES_REQUESTED', t, tip, 'Please add a test for this.');
    }
  });
  const pr: PullRequest = {
    repo,
    number: repo.nextPr++,
    title: spec.title,
    body: rng.pick([
      '',
      'See ticket in the description.',
      `Part of the ${rng.pick(['Q3', 'Q4', 'H1'])} cleanup.`,
      'Tested locally with a sample of last week.',
    ]),
    author,
    branch,
    createdAt: commits[0]!.authorTime + rng.int(2, 40) * MINUTE,
    baseCommit: base,
    commits,
    reviews,
    state: 'open',
    labels: spec.labels ?? [],
  };
  sim.prs.push(pr);
  t = Math.max(t, pr.createdAt) + rng.int(1, 20) * HOUR;
  if (spec.review === 'approved' || spec.review === 'changes-then-approved')
    review(reviewer, 'APPROVED', t, tip, rng.pick(['LGTM', 'Looks good', '']));
  if (spec.review === 'commented')
    review(
      reviewer,
      'COMMENTED',
      t,
      tip,
      rng.pick(['Did you check the backfill?', 'nit: naming', 'Question about the join.']),
    );
  if (spec.review === 'self') review(author, 'APPROVED', t, tip, '');
  const end = t + (spec.mergeDelayHours ?? rng.float(0.3, 20)) * HOUR;
  if (willMerge) sim.clock.at(end, () => mergePullRequest(sim, pr, spec, tip, rng));
  else {
    repo.pullRefs.set(pr.number, tip);
    if (spec.outcome === 'close') {
      pr.state = 'closed';
      pr.closedAt = end + rng.int(1, 96) * HOUR;
      if (rng.chance(0.4)) deleteBranch(repo, branch);
    }
  }
  return pr;
}

function mergePullRequest(sim: Sim, pr: PullRequest, spec: PrSpec, tip: CommitNode, rng: Rng): void {
  const { repo } = pr;
  const time = sim.clock.now;
  const base = head(repo);
  const changes = branchChanges(pr.baseCommit, tip);
  const merger = rng.chance(0.6)
    ? pr.author
    : (pr.reviews.find((r) => r.user.login !== pr.author.login)?.user ?? pr.author);
  const merge =
    spec.outcome === 'merge'
      ? commit(repo, repo.defaultBranch, {
          parents: [base, tip],
          edits: changes,
          message: `Merge pull request #${pr.number} from ${repo.org}/${pr.branch}\n\n${pr.title}`,
          author: merger,
          time,
          committer: GITHUB,
        })
      : commit(repo, repo.defaultBranch, {
          parents: [base],
          edits: changes,
          message: `${pr.title} (#${pr.number})\n\n${pr.commits.map((c) => `* ${c.message.split('\n')[0]}`).join('\n')}`,
          author: pr.author,
          time,
          committer: GITHUB,
        });
  pr.state = 'closed';
  pr.mergedAt = time;
  pr.closedAt = time;
  pr.mergeCommit = merge;
  pr.mergedBy = merger;
  unlock(repo, spec.owner);
  if (rng.chance(0.75)) deleteBranch(repo, pr.branch);
  spec.onMerged?.(pr, merge, time);
  sim.onDefaultAdvanced(repo, time, pr);
}

/** Pushes one commit straight to the default branch now; undefined when a merging change holds its files. */
export function directPush(
  sim: Sim,
  repo: RepoModel,
  author: Person,
  message: string,
  edit: Push['edit'],
  owner = 'push',
): CommitNode | undefined {
  const tip = head(repo);
  const edits = edit(tip.files);
  if (!lockFree(repo, [...edits.keys()], owner)) return undefined;
  const c = commit(repo, repo.defaultBranch, { parents: [tip], edits, message, author, time: sim.clock.now });
  sim.onDefaultAdvanced(repo, sim.clock.now);
  return c;
}

/** A branch with commits that is never merged and has no pull request. */
export function abandonedBranch(
  sim: Sim,
  repo: RepoModel,
  author: Person,
  branch: string,
  pushes: ReadonlyArray<Push>,
  rng: Rng,
): CommitNode {
  let tip = head(repo);
  let t = sim.clock.now;
  let name = branch;
  for (let n = 2; repo.heads.has(name) || repo.deletedBranches.has(name); n++) name = `${branch}-${n}`;
  for (const p of pushes) {
    t += rng.int(10, 200) * MINUTE;
    tip = commit(repo, name, { parents: [tip], edits: p.edit(tip.files), message: p.message, author, time: t });
  }
  return tip;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
}

export function branchName(
  rng: Rng,
  author: Person,
  kind: 'feature' | 'fix' | 'chore' | 'docs',
  title: string,
): string {
  const s = slug(title);
  return rng.weighted([
    [`${kind}/${s}`, 5],
    [`${author.login}/${s}`, 3],
    [`${kind}-${s}`, 1],
  ] as const);
}

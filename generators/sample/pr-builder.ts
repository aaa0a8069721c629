/** Turns a pull request's outline into timed commits, reviews and a merge, inside working hours. */
import type { Person } from './people';
import type { CommitPlan, DeployPlan, PrCategory, PullRequestPlan, ReviewPlan } from './plan-types';
import type { Rng } from './prng';
import { MINUTE, toWorkingTime } from './time';

export type ReviewFlow = 'approve' | 'approve-after-changes' | 'comment-only' | 'none' | 'closed';

export interface PrDraft {
  readonly key: string;
  readonly category: PrCategory;
  readonly author: Person;
  readonly title: string;
  readonly body: string;
  readonly topic: string;
  /** When work starts (moved into the author's working hours). */
  readonly startMs: number;
  readonly commits: ReadonlyArray<Omit<CommitPlan, 'ms' | 'author'>>;
  readonly flow: ReviewFlow;
  /** The first reviews; a second, when given, approves too. */
  readonly reviewers: ReadonlyArray<Person>;
  readonly merger?: Person;
  readonly deploy: DeployPlan;
  readonly reviewText?: { readonly approve?: string; readonly changes?: string; readonly comment?: string };
  /** Minutes between reviews/commits are drawn in these bounds (defaults suit ordinary work). */
  readonly pace?: { readonly commitGap: readonly [number, number]; readonly reviewDelay: readonly [number, number] };
  /** Nothing merges after this: the pull request stays open. */
  readonly endMs: number;
}

const APPROVALS = ['LGTM', 'Looks good, thanks!', 'LGTM, ship it after the staging checks.', 'Approved.', 'Nice one.'];
const CHANGES = ['Please add a test for this.', 'Can we keep the old name?', 'One fix needed, see inline.'];
const COMMENTS = ['A question inline.', 'Is this covered by a test?', 'Just one nit, otherwise fine.'];

const later = (rng: Rng, ms: number, who: Person, [lo, hi]: readonly [number, number]) =>
  toWorkingTime(ms + rng.int(lo, hi) * MINUTE, who.offsetMinutes, rng.int(0, 50));

export function buildPullRequest(rng: Rng, d: PrDraft): PullRequestPlan {
  const pace = d.pace ?? { commitGap: [20, 240], reviewDelay: [30, 600] };
  const reviewer = d.reviewers[0] ?? d.author;
  const commits: CommitPlan[] = [];
  const reviews: ReviewPlan[] = [];
  let t = toWorkingTime(d.startMs, d.author.offsetMinutes, rng.int(0, 50));
  const push = (i: number) => {
    if (i > 0) t = later(rng, t, d.author, pace.commitGap);
    const c = d.commits[i];
    if (c) commits.push({ ...c, ms: t, author: d.author });
  };
  const n = d.commits.length;
  const changesFirst = d.flow === 'approve-after-changes' && n >= 2;
  for (let i = 0; i < (changesFirst ? n - 1 : n); i++) push(i);
  const createdMs = (commits[0]?.ms ?? t) + rng.int(2, 20) * MINUTE;
  if (changesFirst) {
    t = later(rng, t, reviewer, pace.reviewDelay);
    reviews.push({
      reviewer,
      state: 'CHANGES_REQUESTED',
      ms: t,
      commit: n - 2,
      body: d.reviewText?.changes ?? rng.pick(CHANGES),
    });
    push(n - 1);
  }
  const head = n - 1;
  if (d.flow === 'approve' || d.flow === 'approve-after-changes') {
    t = later(rng, t, reviewer, pace.reviewDelay);
    reviews.push({
      reviewer,
      state: 'APPROVED',
      ms: t,
      commit: head,
      body: d.reviewText?.approve ?? rng.pick(APPROVALS),
    });
    const second = d.reviewers[1];
    if (second) {
      t = later(rng, t, second, [10, 120]);
      reviews.push({ reviewer: second, state: 'APPROVED', ms: t, commit: head, body: rng.pick(APPROVALS) });
    }
  } else if (d.flow === 'comment-only' || d.flow === 'closed') {
    t = later(rng, t, reviewer, pace.reviewDelay);
    reviews.push({
      reviewer,
      state: 'COMMENTED',
      ms: t,
      commit: head,
      body: d.reviewText?.comment ?? rng.pick(COMMENTS),
    });
  }
  const merger = d.merger ?? d.author;
  const base = {
    key: d.key,
    category: d.category,
    author: d.author,
    title: d.title,
    body: d.body,
    topic: d.topic,
    createdMs,
    commits,
    reviews,
    deploy: d.deploy,
  };
  if (d.flow === 'closed') {
    const closedMs = later(rng, t, d.author, [600, 2400]);
    return closedMs <= d.endMs ? { ...base, closedMs, deploy: 'none' } : { ...base, deploy: 'none' };
  }
  const mergeMs = later(rng, t, merger, [10, 180]);
  if (mergeMs > d.endMs) return base;
  return { ...base, merge: { ms: mergeMs, by: merger } };
}

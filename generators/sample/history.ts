/**
 * Realizes the plan into a Git history, in time order: branch commits start from main as it was when the
 * branch was cut; a merge applies the pull request's edits to main as it is then (what a clean three-way
 * merge gives). Commits are named by fast-import marks until Git names them by SHA.
 */
import type { FileDoc } from './files/file-doc';
import { GITHUB_COMMITTER, type Person } from './people';
import type { DirectCommitPlan, PullRequestPlan } from './plan-types';

export interface FileChange {
  readonly path: string;
  /** The file's new text, or null where the commit deletes it. */
  readonly content: string | null;
}

export interface CommitRecord {
  readonly mark: number;
  readonly ref: string;
  /** Parent marks, first parent first. */
  readonly parents: ReadonlyArray<number>;
  readonly author: Person;
  readonly committer: Person;
  readonly ms: number;
  readonly message: string;
  readonly changes: ReadonlyArray<FileChange>;
  /** The pull request this commit belongs to (branch commit or its merge). */
  readonly pullRequest?: number;
  readonly isMerge: boolean;
  /** Set on a merge: the merged branch's ref is deleted after it. */
  readonly deletesRef?: string;
}

/** A pull request as it happened: its number, its commits' marks, its merge. */
export interface PullRequestRecord {
  readonly plan: PullRequestPlan;
  readonly number: number;
  readonly ref: string;
  readonly baseMark: number;
  readonly commitMarks: ReadonlyArray<number>;
  readonly mergeMark?: number;
  /** Paths it changed. */
  readonly paths: ReadonlyArray<string>;
  /** For each path it changed, the branch commit that last changed it. */
  readonly introducedBy: ReadonlyMap<string, number>;
  /** For each path it changed, the commit that had last changed it on main before the merge. */
  readonly previousOnMain: ReadonlyMap<string, number>;
}

export interface History {
  readonly commits: ReadonlyArray<CommitRecord>;
  readonly pullRequests: ReadonlyArray<PullRequestRecord>;
  readonly direct: ReadonlyArray<{ readonly plan: DirectCommitPlan; readonly mark: number }>;
  /** The documents of the given paths at every commit (for the deployed code; a branch commit: as if deployed). */
  readonly snapshots: ReadonlyMap<number, ReadonlyMap<string, FileDoc>>;
  readonly mainTip: number;
}

type Step =
  | { readonly ms: number; readonly kind: 'direct'; readonly plan: DirectCommitPlan }
  | { readonly ms: number; readonly kind: 'commit'; readonly pr: number; readonly index: number }
  | { readonly ms: number; readonly kind: 'merge'; readonly pr: number };

function message(subject: string, body?: string, trailers?: ReadonlyArray<string>): string {
  let m = subject;
  if (body) m += `\n\n${body}`;
  if (trailers?.length) m += `\n\n${trailers.join('\n')}`;
  return `${m}\n`;
}

/**
 * Plays the plan. Pull requests are numbered in the order they were opened; `snapshotPaths` are the job
 * code paths whose documents are kept for every commit of main.
 */
export function realizeHistory(
  direct: ReadonlyArray<DirectCommitPlan>,
  plans: ReadonlyArray<PullRequestPlan>,
  snapshotPaths: ReadonlyArray<string>,
): History {
  const ordered = [...plans].sort((a, b) => a.createdMs - b.createdMs);
  const steps: Step[] = direct.map((plan) => ({ ms: plan.ms, kind: 'direct', plan }));
  ordered.forEach((pr, i) => {
    pr.commits.forEach((c, index) => steps.push({ ms: c.ms, kind: 'commit', pr: i, index }));
    if (pr.merge) steps.push({ ms: pr.merge.ms, kind: 'merge', pr: i });
  });
  const rank = { direct: 0, commit: 1, merge: 2 } as const;
  steps.sort((a, b) => a.ms - b.ms || rank[a.kind] - rank[b.kind]);

  const commits: CommitRecord[] = [];
  const main = new Map<string, FileDoc>();
  const lastTouch = new Map<string, number>();
  const snapshots = new Map<number, ReadonlyMap<string, FileDoc>>();
  const directMarks: { plan: DirectCommitPlan; mark: number }[] = [];
  const branches = ordered.map(() => ({ docs: new Map<string, FileDoc>(), marks: [] as number[], base: 0 }));
  const introduced = ordered.map(() => new Map<string, number>());
  const records: (PullRequestRecord | undefined)[] = ordered.map(() => undefined);
  const refOf = (i: number) => `refs/heads/${ordered[i]?.author.login}/${ordered[i]?.topic}`;
  let tip = 0;

  const apply = (docs: Map<string, FileDoc>, edits: DirectCommitPlan['edits']): FileChange[] => {
    const changed = new Map<string, string | null>();
    for (const e of edits) {
      const next = e.apply(docs.get(e.path));
      if (next) docs.set(e.path, next);
      else docs.delete(e.path);
      changed.set(e.path, next ? next.render() : null);
    }
    return [...changed].map(([path, content]) => ({ path, content }));
  };
  const snapshot = (mark: number) => {
    const kept = new Map<string, FileDoc>();
    for (const p of snapshotPaths) {
      const doc = main.get(p);
      if (doc) kept.set(p, doc);
    }
    snapshots.set(mark, kept);
  };

  for (const step of steps) {
    const mark = commits.length + 1;
    if (step.kind === 'direct') {
      const changes = apply(main, step.plan.edits);
      for (const c of changes) lastTouch.set(c.path, mark);
      commits.push({
        mark,
        ref: 'refs/heads/main',
        parents: tip ? [tip] : [],
        author: step.plan.author,
        committer: step.plan.author,
        ms: step.plan.ms,
        message: message(step.plan.subject, step.plan.body, step.plan.trailers),
        changes,
        isMerge: false,
      });
      directMarks.push({ plan: step.plan, mark });
      tip = mark;
      snapshot(mark);
      continue;
    }
    const pr = ordered[step.pr];
    const branch = branches[step.pr];
    if (!pr || !branch) continue;
    if (step.kind === 'commit') {
      const c = pr.commits[step.index];
      if (!c) continue;
      if (step.index === 0) {
        // The branch only needs the files its pull request edits, as main had them when it was cut.
        for (const e of pr.commits.flatMap((pc) => pc.edits)) {
          const doc = main.get(e.path);
          if (doc) branch.docs.set(e.path, doc);
        }
        branch.base = tip;
      }
      const changes = apply(branch.docs, c.edits);
      for (const ch of changes) introduced[step.pr]?.set(ch.path, mark);
      commits.push({
        mark,
        ref: refOf(step.pr),
        parents: [branch.marks[branch.marks.length - 1] ?? branch.base],
        author: c.author,
        committer: c.author,
        ms: c.ms,
        message: message(c.subject, c.body, c.trailers),
        changes,
        pullRequest: step.pr + 1,
        isMerge: false,
      });
      branch.marks.push(mark);
      // What the branch commit would run if deployed: main as the branch was cut, with the branch's documents.
      const kept = new Map(snapshots.get(branch.base) ?? []);
      for (const p of snapshotPaths) {
        const doc = branch.docs.get(p);
        if (doc) kept.set(p, doc);
      }
      snapshots.set(mark, kept);
      continue;
    }
    const merge = pr.merge;
    const head = branch.marks[branch.marks.length - 1];
    if (!merge || head === undefined) continue;
    const changes = apply(
      main,
      pr.commits.flatMap((c) => c.edits),
    );
    const previousOnMain = new Map<string, number>();
    for (const ch of changes) {
      const prev = lastTouch.get(ch.path);
      if (prev !== undefined) previousOnMain.set(ch.path, prev);
      lastTouch.set(ch.path, introduced[step.pr]?.get(ch.path) ?? mark);
    }
    commits.push({
      mark,
      ref: 'refs/heads/main',
      parents: [tip, head],
      author: merge.by,
      committer: GITHUB_COMMITTER,
      ms: merge.ms,
      message: message(`Merge pull request #${step.pr + 1} from ${pr.author.login}/${pr.topic}`, pr.title),
      changes,
      pullRequest: step.pr + 1,
      isMerge: true,
      deletesRef: refOf(step.pr),
    });
    tip = mark;
    snapshot(mark);
    branch.docs.clear();
    records[step.pr] = {
      plan: pr,
      number: step.pr + 1,
      ref: refOf(step.pr),
      baseMark: branch.base,
      commitMarks: branch.marks,
      mergeMark: mark,
      paths: changes.map((c) => c.path),
      introducedBy: introduced[step.pr] ?? new Map(),
      previousOnMain,
    };
  }

  const pullRequests = ordered.map(
    (plan, i): PullRequestRecord =>
      records[i] ?? {
        plan,
        number: i + 1,
        ref: refOf(i),
        baseMark: branches[i]?.base ?? 0,
        commitMarks: branches[i]?.marks ?? [],
        paths: [...(introduced[i]?.keys() ?? [])],
        introducedBy: introduced[i] ?? new Map(),
        previousOnMain: new Map(),
      },
  );
  return { commits, pullRequests, direct: directMarks, snapshots, mainTip: tip };
}

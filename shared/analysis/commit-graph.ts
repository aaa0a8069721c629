import type { Commit, PullRequest } from '../model/records';

/**
 * The commit history as a graph: ancestry, the pull request each commit arrived through,
 * and the commits that changed a path. Built once per evidence set.
 */
export interface CommitGraph {
  readonly bySha: ReadonlyMap<string, Commit>;
  /** Whether `ancestor` is reachable from `descendant` through parents (a commit contains itself). */
  isAncestor(ancestor: string, descendant: string): boolean;
  /** The pull request that brought this commit (its head, its merge, or a commit on its branch). */
  pullRequestOf(sha: string): PullRequest | undefined;
  /** The merge commit that brought this commit into the base branch, when it came through a merge. */
  mergeOf(sha: string): Commit | undefined;
  /** Resolves a full or abbreviated SHA to the full one. */
  resolve(shaOrPrefix: string): string | undefined;
}

const cache = new WeakMap<ReadonlyArray<Commit>, CommitGraph>();

/** Builds (or returns the cached) commit graph of these commits and pull requests. */
export function commitGraph(commits: ReadonlyArray<Commit>, pullRequests: ReadonlyArray<PullRequest>): CommitGraph {
  const cached = cache.get(commits);
  if (cached) return cached;
  const bySha = new Map(commits.map((c) => [c.sha, c] as const));
  const prByNumber = new Map(pullRequests.map((p) => [p.number, p] as const));
  const prBySha = new Map<string, PullRequest>();
  const mergeBySha = new Map<string, Commit>();
  const ancestorMemo = new Map<string, Set<string>>();

  const ancestors = (sha: string): Set<string> => {
    const known = ancestorMemo.get(sha);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop() as string;
      if (seen.has(s)) continue;
      seen.add(s);
      const memo = ancestorMemo.get(s);
      if (memo && s !== sha) {
        for (const a of memo) seen.add(a);
        continue;
      }
      for (const p of bySha.get(s)?.parents ?? []) stack.push(p);
    }
    ancestorMemo.set(sha, seen);
    return seen;
  };

  for (const pr of pullRequests) {
    if (pr.headSha) prBySha.set(pr.headSha, pr);
    if (pr.mergeCommitSha) prBySha.set(pr.mergeCommitSha, pr);
  }
  // A merge brings the commits reachable from its second parent that its first parent lacks.
  for (const merge of commits) {
    if (merge.parents.length < 2) continue;
    const pr =
      prBySha.get(merge.sha) ?? (merge.pullRequest !== undefined ? prByNumber.get(merge.pullRequest) : undefined);
    if (pr && !prBySha.has(merge.sha)) prBySha.set(merge.sha, pr);
    const base = ancestors(merge.parents[0] as string);
    const stack = merge.parents.slice(1);
    const seen = new Set<string>();
    while (stack.length) {
      const s = stack.pop() as string;
      if (seen.has(s) || base.has(s) || !bySha.has(s)) continue;
      seen.add(s);
      if (!mergeBySha.has(s)) mergeBySha.set(s, merge);
      if (pr && !prBySha.has(s)) prBySha.set(s, pr);
      for (const p of bySha.get(s)?.parents ?? []) stack.push(p);
    }
  }
  for (const c of commits) {
    if (c.pullRequest !== undefined && !prBySha.has(c.sha)) {
      const pr = prByNumber.get(c.pullRequest);
      if (pr) prBySha.set(c.sha, pr);
    }
  }
  const shas = [...bySha.keys()];
  const graph: CommitGraph = {
    bySha,
    isAncestor: (a, d) => a === d || ancestors(d).has(a),
    pullRequestOf: (sha) => prBySha.get(sha),
    mergeOf: (sha) => mergeBySha.get(sha),
    resolve: (s) => (bySha.has(s) ? s : shas.find((x) => s.length >= 7 && x.startsWith(s))),
  };
  cache.set(commits, graph);
  return graph;
}

/** Whether a repository path (as a commit lists it) is the code path a job names (absolute or relative). */
export function samePath(changed: string, codePath: string): boolean {
  const a = changed.replace(/^\.?\//, '');
  const b = codePath.replace(/^\.?\//, '');
  return a === b || b.endsWith(`/${a}`) || a.endsWith(`/${b}`);
}

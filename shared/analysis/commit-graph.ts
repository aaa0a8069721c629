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
  /** The commit's generation: 1 for a root, else 1 + the highest generation of its parents (0 = unknown). */
  generation(sha: string): number;
}

const cache = new WeakMap<ReadonlyArray<Commit>, { prs: ReadonlyArray<PullRequest>; graph: CommitGraph }>();
/** The memory kept for descendants' ancestor sets (each n/8 bytes for n commits: 5 KB at 40,000 commits). */
const ANCESTOR_SET_BYTES = 64 * 1024 * 1024;

/** Generation numbers (longest path to a root), computed without recursion. */
function generations(bySha: ReadonlyMap<string, Commit>): Map<string, number> {
  const gen = new Map<string, number>();
  for (const start of bySha.keys()) {
    if (gen.has(start)) continue;
    const stack = [start];
    while (stack.length) {
      const sha = stack[stack.length - 1] as string;
      if (gen.has(sha)) {
        stack.pop();
        continue;
      }
      const parents = (bySha.get(sha)?.parents ?? []).filter((p) => bySha.has(p));
      const pending = parents.filter((p) => !gen.has(p));
      if (pending.length) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      gen.set(sha, 1 + Math.max(0, ...parents.map((p) => gen.get(p) as number)));
    }
  }
  return gen;
}

/**
 * Builds (or returns the cached) commit graph of these commits and pull requests. Ancestry: generation numbers
 * answer "no" at once where the ancestor is not older; otherwise a bit test in the descendant's ancestor set, built
 * once per descendant and kept within 64 MB (8,000 descendants of a 40,000-commit history).
 */
export function commitGraph(commits: ReadonlyArray<Commit>, pullRequests: ReadonlyArray<PullRequest>): CommitGraph {
  const cached = cache.get(commits);
  if (cached?.prs === pullRequests) return cached.graph;
  const bySha = new Map(commits.map((c) => [c.sha, c] as const));
  const gen = generations(bySha);
  const prByNumber = new Map(pullRequests.map((p) => [p.number, p] as const));
  const prBySha = new Map<string, PullRequest>();
  const mergeBySha = new Map<string, Commit>();

  // Ancestry by the descendant's ancestor set, a bitset over commit indexes built once per descendant (a walk of its
  // history in typed arrays) and kept for the most recent descendants asked about.
  const index = new Map<string, number>();
  for (const sha of bySha.keys()) index.set(sha, index.size);
  const parentsOf: Int32Array[] = [...bySha.values()].map(
    (c) => new Int32Array(c.parents.flatMap((p) => (index.has(p) ? [index.get(p) as number] : []))),
  );
  const words = (index.size >> 5) + 1;
  const ancestorSets = new Map<number, Uint32Array>();
  const keep = Math.max(64, Math.floor(ANCESTOR_SET_BYTES / (words * 4)));
  const ancestorsOf = (d: number): Uint32Array => {
    let bits = ancestorSets.get(d);
    if (bits) return bits;
    bits = new Uint32Array(words);
    const stack = [d];
    bits[d >> 5]! |= 1 << (d & 31);
    while (stack.length) {
      for (const p of parentsOf[stack.pop() as number]!) {
        if (bits[p >> 5]! & (1 << (p & 31))) continue;
        bits[p >> 5]! |= 1 << (p & 31);
        stack.push(p);
      }
    }
    if (ancestorSets.size >= keep) ancestorSets.delete(ancestorSets.keys().next().value as number);
    ancestorSets.set(d, bits);
    return bits;
  };

  const isAncestor = (a: string, d: string): boolean => {
    if (a === d) return true;
    const ga = gen.get(a);
    const gd = gen.get(d);
    if (ga === undefined || gd === undefined || ga >= gd) return false;
    const ia = index.get(a) as number;
    return (ancestorsOf(index.get(d) as number)[ia >> 5]! & (1 << (ia & 31))) !== 0;
  };

  for (const pr of pullRequests) {
    if (pr.headSha) prBySha.set(pr.headSha, pr);
    if (pr.mergeCommitSha) prBySha.set(pr.mergeCommitSha, pr);
  }
  // The mainline: the first-parent chain of the newest tip. A merge brings the commits reachable from its other
  // parents that are neither on the mainline nor brought by an earlier merge (merges are visited oldest first).
  const mainline = new Set<string>();
  const hasChild = new Set(commits.flatMap((c) => c.parents));
  const tip = [...bySha.keys()]
    .filter((s) => !hasChild.has(s))
    .sort((x, y) => (gen.get(y) ?? 0) - (gen.get(x) ?? 0))[0];
  for (let s: string | undefined = tip; s && bySha.has(s) && !mainline.has(s); s = bySha.get(s)?.parents[0])
    mainline.add(s);
  const merges = commits.filter((c) => c.parents.length > 1).sort((x, y) => gen.get(x.sha)! - gen.get(y.sha)!);
  for (const merge of merges) {
    const pr =
      prBySha.get(merge.sha) ?? (merge.pullRequest !== undefined ? prByNumber.get(merge.pullRequest) : undefined);
    if (pr && !prBySha.has(merge.sha)) prBySha.set(merge.sha, pr);
    const firstParent = merge.parents[0] as string;
    const stack = merge.parents.slice(1);
    while (stack.length) {
      const s = stack.pop() as string;
      if (!bySha.has(s) || mainline.has(s) || mergeBySha.has(s) || s === firstParent) continue;
      mergeBySha.set(s, merge);
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
  const prefixes = new Map<string, string | undefined>();
  const graph: CommitGraph = {
    bySha,
    isAncestor,
    pullRequestOf: (sha) => prBySha.get(sha),
    mergeOf: (sha) => mergeBySha.get(sha),
    resolve: (s) => {
      if (bySha.has(s)) return s;
      if (!prefixes.has(s)) prefixes.set(s, s.length >= 7 ? shas.find((x) => x.startsWith(s)) : undefined);
      return prefixes.get(s);
    },
    generation: (sha) => gen.get(sha) ?? 0,
  };
  cache.set(commits, { prs: pullRequests, graph });
  return graph;
}

/**
 * Whether a repository path (as a commit lists it) is the code path a job names (absolute or relative). Asked for
 * every changed path of every commit against every job, so it compares in place instead of building strings.
 */
export function samePath(changed: string, codePath: string): boolean {
  const i = lead(changed);
  const j = lead(codePath);
  const a = changed.length - i;
  const b = codePath.length - j;
  if (a === b) return changed.startsWith(codePath.slice(j), i);
  // The longer ends with `/` and the shorter.
  return a < b ? endsWithPath(codePath, changed, i) : endsWithPath(changed, codePath, j);
}

/** Where a path starts after a leading `./` or `/`. */
const lead = (p: string) => (p.startsWith('./') ? 2 : p.startsWith('/') ? 1 : 0);

/** Whether `long` ends with `/` followed by `short` from `from` on. */
function endsWithPath(long: string, short: string, from: number): boolean {
  const n = short.length - from;
  const at = long.length - n;
  if (long.charCodeAt(at - 1) !== 47 /* / */) return false;
  for (let k = 0; k < n; k++) if (long.charCodeAt(at + k) !== short.charCodeAt(from + k)) return false;
  return true;
}

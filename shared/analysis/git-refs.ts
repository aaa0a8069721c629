/**
 * What the refs of each imported repository say of its commits: the default branch (the branch the remote's HEAD
 * names, else the branch HEAD is on, else `main`/`master`), its first-parent history, and how each commit was
 * reached — from the default branch, only from a tag, only from another branch, or only from a pull-request ref.
 * A commit that neither the default branch nor a tag reached was never merged: at most a candidate change.
 */
import type { Commit } from '../model/records';
import { timesOf } from './record-times';

/** How a commit was reached by the refs, best first; `unknown` where the history was read without its refs. */
export type CommitReach = 'default-branch' | 'tag' | 'other-branch' | 'pull-request' | 'unknown';

export interface RepositoryRefs {
  readonly repository: string;
  /** `refs/heads/main` (or `refs/remotes/origin/main` where there is no local branch). */
  readonly defaultBranch?: string;
  /** The default branch's tip. */
  readonly tip?: Commit;
  /** The default branch's first-parent history, newest first. */
  readonly mainline: ReadonlyArray<Commit>;
}

export interface RefIndex {
  readonly repositories: ReadonlyMap<string, RepositoryRefs>;
  /** How the refs reached the commit. */
  reach(sha: string): CommitReach;
  /** The head of the repository's default branch at `t`: the newest first-parent commit committed at or before it. */
  headAt(repository: string, t: number): Commit | undefined;
}

const PREFERRED = ['main', 'master', 'trunk', 'develop'];
const HEAD_ON = /^HEAD -> (refs\/.+)$/;

/** The default branch of one repository's commits (see the module comment), with its tip. */
function defaultBranch(commits: ReadonlyArray<Commit>): { ref: string; tip: Commit } | undefined {
  const at = new Map<string, Commit>();
  let head: string | undefined;
  for (const c of commits)
    for (const r of c.refs ?? []) {
      const on = HEAD_ON.exec(r);
      if (on) head = on[1];
      at.set(on ? (on[1] as string) : r, c);
    }
  const remoteHead = at.get('refs/remotes/origin/HEAD');
  if (remoteHead) {
    const named = (remoteHead.refs ?? []).filter((r) => /^refs\/remotes\/origin\/(?!HEAD$)/.test(r));
    const name = named.map((r) => r.slice('refs/remotes/origin/'.length));
    const pick = PREFERRED.find((p) => name.includes(p)) ?? (name.length === 1 ? name[0] : undefined);
    if (pick) {
      const local = at.get(`refs/heads/${pick}`);
      return local
        ? { ref: `refs/heads/${pick}`, tip: local }
        : { ref: `refs/remotes/origin/${pick}`, tip: remoteHead };
    }
  }
  if (head && head.startsWith('refs/heads/')) return { ref: head, tip: at.get(head) as Commit };
  for (const p of PREFERRED) {
    for (const ref of [`refs/heads/${p}`, `refs/remotes/origin/${p}`]) {
      const tip = at.get(ref);
      if (tip) return { ref, tip };
    }
  }
  return undefined;
}

/** Without refs: the newest commit no other commit names as a parent (the mainline the history implies). */
function newestTip(commits: ReadonlyArray<Commit>): { ref?: undefined; tip: Commit } | undefined {
  const parents = new Set(commits.flatMap((c) => c.parents));
  let tip: Commit | undefined;
  for (const c of commits)
    if (!parents.has(c.sha) && (!tip || Date.parse(c.committerDate) > Date.parse(tip.committerDate))) tip = c;
  return tip && { tip };
}

const cache = new WeakMap<ReadonlyArray<Commit>, RefIndex>();

/** Builds (or returns the cached) ref index of these commits. */
export function refIndex(commits: ReadonlyArray<Commit>): RefIndex {
  const cached = cache.get(commits);
  if (cached) return cached;
  const bySha = new Map(commits.map((c) => [c.sha, c] as const));
  const byRepository = new Map<string, Commit[]>();
  for (const c of commits) {
    const list = byRepository.get(c.repository);
    if (list) list.push(c);
    else byRepository.set(c.repository, [c]);
  }
  const reach = new Map<string, CommitReach>();
  /** Marks everything reachable from the starts that has no better mark yet. */
  const mark = (starts: ReadonlyArray<string>, as: CommitReach) => {
    const stack = [...starts];
    while (stack.length) {
      const sha = stack.pop() as string;
      if (reach.has(sha) || !bySha.has(sha)) continue;
      reach.set(sha, as);
      stack.push(...(bySha.get(sha)?.parents ?? []));
    }
  };
  const repositories = new Map<string, RepositoryRefs>();
  const withRefs = new Set<string>();
  for (const [repository, list] of byRepository) {
    if (list.some((c) => c.refs?.length)) withRefs.add(repository);
    const found = defaultBranch(list) ?? newestTip(list);
    const mainline: Commit[] = [];
    const seen = new Set<string>();
    for (let c: Commit | undefined = found?.tip; c && !seen.has(c.sha); c = bySha.get(c.parents[0] ?? '')) {
      seen.add(c.sha);
      mainline.push(c);
    }
    repositories.set(repository, { repository, defaultBranch: found?.ref, tip: found?.tip, mainline });
    if (found && found.ref) mark([found.tip.sha], 'default-branch');
  }
  const tips = (test: (ref: string) => boolean) =>
    commits.filter((c) => (c.refs ?? []).some((r) => test(r.replace(HEAD_ON, '$1')))).map((c) => c.sha);
  mark(
    tips((r) => r.startsWith('refs/tags/')),
    'tag',
  );
  mark(
    tips((r) => r.startsWith('refs/heads/') || r.startsWith('refs/remotes/') || r === 'HEAD'),
    'other-branch',
  );
  mark(
    tips((r) => r.startsWith('refs/pull/') || r.startsWith('refs/merge-requests/')),
    'pull-request',
  );
  const index: RefIndex = {
    repositories,
    reach: (sha) => {
      const c = bySha.get(sha);
      if (!c || !withRefs.has(c.repository)) return 'unknown';
      return reach.get(sha) ?? 'other-branch';
    },
    headAt: (repository, t) => {
      const mainline = repositories.get(repository)?.mainline;
      if (!mainline) return undefined;
      const times = timesOf(mainline, 'committerDate');
      for (let i = 0; i < mainline.length; i++) if ((times[i] as number) <= t) return mainline[i];
      return undefined;
    },
  };
  cache.set(commits, index);
  return index;
}

/** Whether the commit was merged (reached by the default branch or a tag), or cannot be told (no refs read). */
export const wasMerged = (reach: CommitReach): boolean =>
  reach === 'default-branch' || reach === 'tag' || reach === 'unknown';

/** How a commit's reach reads in a sentence. */
export function reachLabel(reach: CommitReach): string {
  switch (reach) {
    case 'default-branch':
      return 'on the default branch';
    case 'tag':
      return 'reached only by a tag';
    case 'other-branch':
      return 'on an unmerged branch';
    case 'pull-request':
      return 'only on a pull-request ref (never merged)';
    case 'unknown':
      return 'its branch is unknown (the history was read without refs)';
  }
}

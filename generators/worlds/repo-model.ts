/**
 * Repositories in memory: commits with full file snapshots, branches, pull-request refs and tags. They are
 * written with the system git afterwards (git-writer.ts); nothing here needs a SHA.
 */
import type { CommitNode, Person, RepoModel } from './types.js';

export const GITHUB: Person = { login: 'web-flow', name: 'GitHub', email: 'noreply@github.com', zone: '+0000' };

export function createRepo(spec: {
  name: string;
  org: string;
  defaultBranch: string;
  remote: RepoModel['remote'];
  tagReleases: boolean;
  branchesAsRemote: boolean;
  firstPr: number;
}): RepoModel {
  return {
    name: spec.name,
    org: spec.org,
    defaultBranch: spec.defaultBranch,
    remote: spec.remote,
    commits: [],
    heads: new Map(),
    deletedBranches: new Set(),
    pullRefs: new Map(),
    tags: [],
    locks: new Map(),
    frozen: false,
    nextPr: spec.firstPr,
    nextTag: [1, 0, 0],
    tagReleases: spec.tagReleases,
    branchesAsRemote: spec.branchesAsRemote,
  };
}

export function head(repo: RepoModel, branch = repo.defaultBranch): CommitNode {
  const tip = repo.heads.get(branch);
  if (!tip) throw new Error(`${repo.name} has no branch ${branch}`);
  return tip;
}

export type FileEdits = ReadonlyMap<string, string | null>;

/** Makes a commit on `branch` (created when new) whose files are its first parent's with `edits` applied. */
export function commit(
  repo: RepoModel,
  branch: string,
  opts: {
    parents: ReadonlyArray<CommitNode>;
    edits?: FileEdits;
    files?: ReadonlyMap<string, string>;
    message: string;
    author: Person;
    time: number;
    committer?: Person;
    commitTime?: number;
  },
): CommitNode {
  const base = opts.parents[0]?.files ?? new Map<string, string>();
  const files = new Map(opts.files ?? base);
  for (const [path, text] of opts.edits ?? []) {
    if (text === null) files.delete(path);
    else files.set(path, text);
  }
  const changed = [...new Set([...files.keys(), ...base.keys()])].filter((p) => files.get(p) !== base.get(p)).sort();
  const node: CommitNode = {
    mark: repo.commits.length + 1,
    repo,
    parents: opts.parents,
    files,
    changed,
    message: opts.message,
    author: opts.author,
    authorTime: opts.time,
    committer: opts.committer ?? opts.author,
    commitTime: opts.commitTime ?? opts.time,
  };
  repo.commits.push(node);
  repo.heads.set(branch, node);
  repo.deletedBranches.delete(branch);
  return node;
}

/** The files a branch changed since it forked from `base`. */
export function branchChanges(base: CommitNode, tip: CommitNode): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of new Set([...base.files.keys(), ...tip.files.keys()])) {
    if (base.files.get(p) !== tip.files.get(p)) out.set(p, tip.files.get(p) ?? null);
  }
  return out;
}

/** Every commit reachable from `tip` (itself included). */
export function ancestors(tip: CommitNode): Set<CommitNode> {
  const seen = new Set<CommitNode>();
  const stack = [tip];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    stack.push(...c.parents);
  }
  return seen;
}

/** Whether `path` is free for a change that will land on the default branch. */
export function lockFree(repo: RepoModel, paths: ReadonlyArray<string>, owner: string): boolean {
  return paths.every((p) => (repo.locks.get(p) ?? owner) === owner);
}

export function lock(repo: RepoModel, paths: ReadonlyArray<string>, owner: string): void {
  for (const p of paths) repo.locks.set(p, owner);
}

export function unlock(repo: RepoModel, owner: string): void {
  for (const [p, o] of [...repo.locks]) if (o === owner) repo.locks.delete(p);
}

export function deleteBranch(repo: RepoModel, branch: string): void {
  if (branch === repo.defaultBranch) return;
  repo.heads.delete(branch);
  repo.deletedBranches.add(branch);
}

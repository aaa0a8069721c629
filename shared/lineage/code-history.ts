/**
 * The Git history of one code path as versions: each non-merge commit that changed the path is a version of
 * the transformation, tracking plan or identity config kept there, valid until the next such commit.
 */
import { samePath, type CommitGraph } from '../analysis/commit-graph';
import type { EvidenceSet } from '../model/evidence-set';
import type { Commit } from '../model/records';
import { configKindOf } from './job-version';
import { chain } from './timeline';
import type { ConfigVersion } from './types';

const cache = new WeakMap<ReadonlyArray<Commit>, Map<string, ConfigVersion[]>>();

/** The commits that changed `path` (merges excluded), oldest first, as versions. Cached per commit list. */
export function pathHistory(set: EvidenceSet, path: string): ReadonlyArray<ConfigVersion> {
  let byPath = cache.get(set.commits);
  if (!byPath) cache.set(set.commits, (byPath = new Map()));
  const known = byPath.get(path);
  if (known) return known;
  const kind = configKindOf(path, set.audit);
  const versions = set.commits
    .filter((c) => c.parents.length < 2 && c.changedPaths.some((p) => samePath(p.path, path)))
    .map((commit) => ({
      path,
      kind,
      commit,
      from: Date.parse(commit.committerDate),
      to: Infinity,
      evidence: commit.provenance,
    }))
    .sort((a, b) => a.from - b.from);
  chain(versions);
  byPath.set(path, versions);
  return versions;
}

/**
 * The version of the path active at `t`: the last commit that changed it at or before `t` — on the ancestry of
 * `tip` (the commit the run executed) when the history knows that commit, so that unmerged branches do not count.
 */
export function versionAsOf(
  history: ReadonlyArray<ConfigVersion>,
  t: number,
  graph: CommitGraph,
  tip?: string,
): ConfigVersion | undefined {
  const resolved = tip ? graph.resolve(tip) : undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const v = history[i] as ConfigVersion;
    if (v.from > t) continue;
    if (!resolved || graph.isAncestor(v.commit.sha, resolved)) return v;
  }
  return undefined;
}

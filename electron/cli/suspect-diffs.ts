/**
 * The diffs the engine's "touched field" term reads, from the system git: the engine is synchronous, so the commit
 * suspects are found first, their changed lines read (one `git show` per repository), and the engine then runs
 * with them — in `investigate` and `report` alike, so both rank exactly as the app does.
 */
import { modelEvidence } from '../../shared/analysis/model-evidence.js';
import { findSuspects, type ChangesOptions } from '../../shared/analysis/changes.js';
import { commitGraph } from '../../shared/analysis/commit-graph.js';
import type { DiffOf } from '../../shared/analysis/engine-types.js';
import { traceDecision } from '../../shared/analysis/trace.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Commit, Decision } from '../../shared/model/records.js';
import type { GitRunner } from '../services/git-runner.js';

/** The changed lines of the commits that are suspects of this decision's feature. */
export async function suspectDiffs(
  set: EvidenceSet,
  decision: Decision,
  feature: string,
  options: ChangesOptions,
  git: GitRunner,
  repositories: ReadonlyMap<string, string>,
): Promise<DiffOf> {
  // The suspects runEngine ranks: over the investigated model's decisions (model-evidence.ts).
  const own = modelEvidence(set, decision.model.name);
  const trace = traceDecision(own, decision, feature);
  const candidates = findSuspects(own, trace, options).suspects.filter((s) => s.kind === 'commit');
  const graph = commitGraph(set.commits, set.pullRequests);
  return readDiffs(
    git,
    candidates.flatMap((s) => graph.bySha.get(s.id) ?? []),
    repositories,
  );
}

/**
 * A `diffOf` over the system git: the changed lines (added and removed) of the given commits, read with one
 * `git show --unified=0` per repository, so the synchronous engine can look them up.
 */
export async function readDiffs(
  git: GitRunner,
  commits: ReadonlyArray<Pick<Commit, 'sha' | 'repository'>>,
  repositories: ReadonlyMap<string, string>,
): Promise<DiffOf> {
  const byKey = new Map<string, string>();
  const byRepo = new Map<string, string[]>();
  for (const c of commits) byRepo.set(c.repository, [...(byRepo.get(c.repository) ?? []), c.sha]);
  for (const [repository, shas] of byRepo) {
    const folder = repositories.get(repository);
    if (!folder) continue;
    let text: string;
    try {
      text = (await git(['show', '--unified=0', '--format=@@commit %H', ...new Set(shas)], { cwd: folder })).stdout;
    } catch {
      continue;
    }
    let sha = '';
    let path = '';
    let lines: string[] = [];
    // A file's `---`/`+++` header lines come before its first hunk; after it, `---` is a removed line starting `--`.
    let header = false;
    const flush = () => {
      if (sha && path) byKey.set(`${sha}\u0000${path}`, lines.join('\n'));
      lines = [];
    };
    for (const line of text.split('\n')) {
      if (line.startsWith('@@commit ')) {
        flush();
        sha = line.slice(9).trim();
        path = '';
      } else if (line.startsWith('diff --git ')) {
        flush();
        path = line.slice(line.lastIndexOf(' b/') + 3);
        header = true;
      } else if (line.startsWith('@@')) header = false;
      else if (!header && (line.startsWith('+') || line.startsWith('-'))) lines.push(line);
    }
    flush();
  }
  return (commit, path) => byKey.get(`${commit}\u0000${path}`);
}

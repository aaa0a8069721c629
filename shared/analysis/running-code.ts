/**
 * Which code a job ran in an environment at a moment, and in which repository it lives.
 *
 * The repository is an identity: the one `sourceCodeLocation` names (`url`/`repoUrl`, matched against each imported
 * repository's name), else the one a deployment of the job names (`repository`) or that holds the commit a
 * deployment or the run names; never a path that merely ends the same in another repository. Where nothing
 * identifies it, that is said, not guessed (a lone imported repository that changed the path is taken, and said so).
 *
 * What ran is the code at the job's path in the commit of the last successful deployment to the environment at or
 * before the moment (narrowed by `component`), else in the commit the run names (`sourceCodeLocation.version`), else
 * in the head of the repository's default branch at that moment (first-parent history). A job version is the
 * content of its path: the last non-merge commit that changed the path in that commit's history.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Commit, Deployment } from '../model/records';
import { samePath, type CommitGraph } from './commit-graph';
import { coversComponent, succeeded } from './deployments';
import { refIndex } from './git-refs';

export interface CodeJob {
  /** `namespace:name`. */
  readonly id: string;
  readonly codePath?: string;
  readonly repositoryUrl?: string;
  /** The commit the run named (`sourceCodeLocation.version`). */
  readonly codeVersion?: string;
}

/** The imported repository a job's code lives in, and how that was known; or why it is not known. */
export type RepositoryIdentity =
  { readonly repository: string; readonly by: string } | { readonly repository?: undefined; readonly gap: string };

/** `https://github.com/org/name.git`, `git@github.com:org/name`, `name.bundle`, a folder name → `name`. */
export function repositoryName(urlOrName: string): string {
  const last = urlOrName
    .trim()
    .replace(/[/\\]+$/, '')
    .split(/[/\\:]/)
    .pop() as string;
  return last.replace(/\.(git|bundle)$/i, '').toLowerCase();
}

const repositoriesOf = (set: EvidenceSet): string[] => [...new Set(set.commits.map((c) => c.repository))];

/** The repository holding a commit (full or abbreviated SHA), if any. */
function holding(graph: CommitGraph, sha: string | undefined): string | undefined {
  const full = sha ? graph.resolve(sha) : undefined;
  return full ? graph.bySha.get(full)?.repository : undefined;
}

/** The imported repository of a job's code (see the module comment). */
export function jobRepository(set: EvidenceSet, graph: CommitGraph, job: CodeJob): RepositoryIdentity {
  const repositories = repositoriesOf(set);
  if (repositories.length === 0) return { gap: 'no Git history is imported' };
  if (job.repositoryUrl) {
    const wanted = repositoryName(job.repositoryUrl);
    const named = repositories.filter((r) => repositoryName(r) === wanted);
    if (named.length === 1)
      return { repository: named[0] as string, by: `sourceCodeLocation names ${job.repositoryUrl}` };
    const ran = holding(graph, job.codeVersion);
    if (ran) return { repository: ran, by: `it holds ${job.codeVersion}, the commit the run names` };
    return named.length > 1
      ? { gap: `${named.length} imported repositories are named ${wanted}: ${job.repositoryUrl} is ambiguous` }
      : { gap: `the repository ${job.repositoryUrl} that ${job.id} names is not imported` };
  }
  const ran = holding(graph, job.codeVersion);
  if (ran) return { repository: ran, by: `it holds ${job.codeVersion}, the commit the run names` };
  const deployments = set.deployments.filter(
    (d) => d.component === job.id || (d.component && job.codePath && samePath(d.component, job.codePath)),
  );
  const declared = new Set(
    deployments.flatMap((d) => {
      if (d.repository) {
        const r = repositories.find((x) => repositoryName(x) === repositoryName(d.repository as string));
        if (r) return [r];
      }
      const h = holding(graph, d.commit);
      return h ? [h] : [];
    }),
  );
  if (declared.size === 1) return { repository: [...declared][0] as string, by: 'its deployments name it' };
  if (job.codePath) {
    const path = job.codePath;
    const touching = repositories.filter((r) =>
      set.commits.some((c) => c.repository === r && c.changedPaths.some((p) => samePath(p.path, path))),
    );
    if (touching.length === 1 && repositories.length === 1)
      return { repository: touching[0] as string, by: `the only imported repository, which changed ${path}` };
    if (touching.length > 1)
      return { gap: `${job.id} names no repository and ${touching.length} imported repositories hold ${path}` };
  }
  return { gap: `${job.id} names no repository, and no deployment or run identifies one` };
}

/** Where the commit that ran came from. */
export type RunningSource = 'deployment' | 'run' | 'default-branch';

export interface RunningCode {
  readonly source: RunningSource;
  /** The commit that ran: the deployed commit, the run's commit, or the default branch's head. */
  readonly commit: Commit;
  readonly deployment?: Deployment;
  /** The job version: the last non-merge commit that changed the job's path in `commit`'s history. */
  readonly version?: Commit;
}

/** The non-merge commits of a repository that changed a path, newest first (cached per commit list). */
const historyCache = new WeakMap<ReadonlyArray<Commit>, Map<string, Commit[]>>();
export function changesOfPath(set: EvidenceSet, repository: string, path: string): ReadonlyArray<Commit> {
  let byKey = historyCache.get(set.commits);
  if (!byKey) historyCache.set(set.commits, (byKey = new Map()));
  const key = `${repository}\u0000${path}`;
  let list = byKey.get(key);
  if (!list) {
    list = set.commits
      .filter(
        (c) =>
          c.repository === repository && c.parents.length < 2 && c.changedPaths.some((p) => samePath(p.path, path)),
      )
      .reverse();
    byKey.set(key, list);
  }
  return list;
}

/** The last commit that changed `path` in the history of `tip` (itself included). */
export function pathVersionAt(
  set: EvidenceSet,
  graph: CommitGraph,
  repository: string,
  path: string,
  tip: string,
): Commit | undefined {
  for (const c of changesOfPath(set, repository, path)) if (graph.isAncestor(c.sha, tip)) return c;
  return undefined;
}

/** The last successful deployment to `environment` at or before `t` that covers the job (and its repository). */
export function lastDeployment(
  set: EvidenceSet,
  graph: CommitGraph,
  job: CodeJob,
  repository: string | undefined,
  environment: string,
  t: number,
): Deployment | undefined {
  let found: Deployment | undefined;
  for (const d of set.deployments) {
    if (Date.parse(d.timestamp) > t) break;
    if (!succeeded(d) || d.environment.toLowerCase() !== environment.toLowerCase() || !coversComponent(d, job))
      continue;
    if (repository) {
      const deployedIn = holding(graph, d.commit);
      if (
        deployedIn
          ? deployedIn !== repository
          : d.repository && repositoryName(d.repository) !== repositoryName(repository)
      )
        continue;
    }
    found = d;
  }
  return found;
}

/** What the job ran in `environment` at `t` (see the module comment); undefined where nothing says. */
export function runningCode(
  set: EvidenceSet,
  graph: CommitGraph,
  job: CodeJob,
  repository: string | undefined,
  environment: string | undefined,
  t: number,
): RunningCode | undefined {
  const version = (c: Commit) =>
    job.codePath && repository ? pathVersionAt(set, graph, repository, job.codePath, c.sha) : undefined;
  const deployment = environment ? lastDeployment(set, graph, job, repository, environment, t) : undefined;
  const deployed = deployment && graph.bySha.get(graph.resolve(deployment.commit) ?? '');
  if (deployment && deployed) return { source: 'deployment', commit: deployed, deployment, version: version(deployed) };
  const ran = job.codeVersion ? graph.bySha.get(graph.resolve(job.codeVersion) ?? '') : undefined;
  if (ran) return { source: 'run', commit: ran, version: version(ran) };
  const head = repository ? refIndex(set.commits).headAt(repository, t) : undefined;
  if (head) return { source: 'default-branch', commit: head, version: version(head) };
  return undefined;
}

/**
 * Which code a job ran in an environment at a moment, and in which repository it lives.
 *
 * The repository is an identity: the one `sourceCodeLocation` names (`url`/`repoUrl`, matched against each imported
 * repository's name), else the one that holds the commit the run names, else the one the deployments naming the job
 * (by its id first, then by its path) name (`repository`) or whose commit they deployed; never a path that merely
 * ends the same in another repository. Where nothing identifies it, that is said, not guessed (a lone imported
 * repository that changed the path is taken, and said so).
 *
 * What ran is the code at the job's path in the commit of the last successful deployment to the environment at or
 * before the moment (narrowed by `component`), else in the commit the run names (`sourceCodeLocation.version`), else
 * in the head of the repository's default branch at that moment (first-parent history). A job version is the
 * content of its path: the last non-merge commit that changed the path in that commit's history. Where the runs name
 * no code location, the path is read from the deployments that name the job (`deployedJobPath`).
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Commit, Deployment } from '../model/records';
import { samePath, type CommitGraph } from './commit-graph';
import { coversComponent, succeeded } from './deployments';
import { refIndex } from './git-refs';
import { timesOf } from './record-times';

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
  const declaredBy = (deployments: ReadonlyArray<Deployment>) =>
    new Set(
      deployments.flatMap((d) => {
        if (d.repository) {
          const r = repositories.find((x) => repositoryName(x) === repositoryName(d.repository as string));
          if (r) return [r];
        }
        const h = holding(graph, d.commit);
        return h ? [h] : [];
      }),
    );
  // The job's own id names one job; a path may be another job's file in another repository.
  const byId = declaredBy(set.deployments.filter((d) => d.component === job.id));
  if (byId.size === 1) return { repository: [...byId][0] as string, by: 'its deployments name it' };
  const declared = declaredBy(
    set.deployments.filter(
      (d) => d.component === job.id || (d.component && job.codePath && samePath(d.component, job.codePath)),
    ),
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

/** Per commit list: cached answers by key (the files of a path, the changes of a path, a path's version at a tip). */
const caches = new WeakMap<ReadonlyArray<Commit>, Map<string, unknown>>();
function cached<T>(set: EvidenceSet, key: string, make: () => T): T {
  let byKey = caches.get(set.commits);
  if (!byKey) caches.set(set.commits, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key) as T;
}

/**
 * The files of a repository that a job's code path names: the file at exactly that path where the repository ever
 * had one; else every file whose path ends the same (a path given relative to a project folder, or an absolute one).
 */
export function filesOfPath(set: EvidenceSet, repository: string, path: string): ReadonlySet<string> {
  return cached(set, `files\u0000${repository}\u0000${path}`, () => {
    const exact = path.replace(/^\.?\//, '');
    const matching = new Set<string>();
    for (const c of set.commits)
      if (c.repository === repository) for (const p of c.changedPaths) if (samePath(p.path, path)) matching.add(p.path);
    return matching.has(exact) ? new Set([exact]) : matching;
  });
}

/** The non-merge commits of a repository that changed a path, newest first (cached per commit list). */
export function changesOfPath(set: EvidenceSet, repository: string, path: string): ReadonlyArray<Commit> {
  return cached(set, `changes\u0000${repository}\u0000${path}`, () => {
    const files = filesOfPath(set, repository, path);
    return set.commits
      .filter(
        (c) => c.repository === repository && c.parents.length < 2 && c.changedPaths.some((p) => files.has(p.path)),
      )
      .reverse();
  });
}

/**
 * The job version at `tip`: the last non-merge commit that changed `path` in the history of `tip` (itself included)
 * whose change is still in the content there, as `git log -1 --no-merges <tip> -- <path>` finds it. The history is
 * walked newest first; a merge that left the path as its first parent had it (a merged branch that changed the file
 * and changed it back, or whose change the merge dropped) is followed through its first parent only, since the
 * content came from there.
 */
export function pathVersionAt(
  set: EvidenceSet,
  graph: CommitGraph,
  repository: string,
  path: string,
  tip: string,
): Commit | undefined {
  return cached(set, `version\u0000${repository}\u0000${path}\u0000${tip}`, () => {
    const start = graph.bySha.get(tip) ?? graph.bySha.get(graph.resolve(tip) ?? '');
    if (!start || changesOfPath(set, repository, path).length === 0) return undefined;
    const files = filesOfPath(set, repository, path);
    const touches = (c: Commit) => c.changedPaths.some((p) => files.has(p.path));
    const time = new Map<Commit, number>();
    const when = (c: Commit) => time.get(c) ?? (time.set(c, Date.parse(c.committerDate)), time.get(c) as number);
    const seen = new Set([start.sha]);
    const frontier: Commit[] = [start];
    while (frontier.length > 0) {
      let newest = 0;
      for (let i = 1; i < frontier.length; i++)
        if (when(frontier[i] as Commit) > when(frontier[newest] as Commit)) newest = i;
      const c = frontier[newest] as Commit;
      frontier[newest] = frontier[frontier.length - 1] as Commit;
      frontier.pop();
      const merge = c.parents.length > 1;
      if (!merge && touches(c)) return c;
      for (const p of merge && !touches(c) ? c.parents.slice(0, 1) : c.parents) {
        if (seen.has(p)) continue;
        seen.add(p);
        const parent = graph.bySha.get(p);
        if (parent) frontier.push(parent);
      }
    }
    return undefined;
  });
}

/**
 * The last successful deployment to `environment` at or before `t` that covers the job (and its repository): one
 * whose commit the repository holds, or — for a commit outside the imported history — one that names the repository
 * or the job.
 */
export function lastDeployment(
  set: EvidenceSet,
  graph: CommitGraph,
  job: CodeJob,
  repository: string | undefined,
  environment: string,
  t: number,
): Deployment | undefined {
  let found: Deployment | undefined;
  const times = timesOf(set.deployments, 'timestamp');
  const env = environment.toLowerCase();
  for (let i = 0; i < set.deployments.length; i++) {
    if ((times[i] as number) > t) break;
    const d = set.deployments[i] as Deployment;
    if (!succeeded(d) || d.environment.toLowerCase() !== env || !coversComponent(d, job)) continue;
    if (repository) {
      // A commit outside the imported history belongs to the job's repository only if the record says so.
      const deployedIn = holding(graph, d.commit);
      if (
        deployedIn
          ? deployedIn !== repository
          : d.repository
            ? repositoryName(d.repository) !== repositoryName(repository)
            : !d.component
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

/** A job's code path read from the deployments that name the job itself as their component. */
export interface DeployedPath {
  readonly repository: string;
  readonly path: string;
  /** The deployments naming the job whose commits agree on the path, oldest first. */
  readonly deployments: ReadonlyArray<Deployment>;
}

/**
 * Where a job's code lives when its runs do not say: a successful deployment whose `component` is the job's id
 * (`namespace:name`) shipped a commit that changed the job's code, so the job's file is among the files that commit
 * changed (for a merge, against its first parent). The files every such deployment's commit changed (deletions
 * aside) are intersected; exactly one file in one repository is the answer, anything else is no answer.
 */
export function deployedJobPath(set: EvidenceSet, graph: CommitGraph, jobId: string): DeployedPath | undefined {
  let repository: string | undefined;
  let candidates: Set<string> | undefined;
  const deployments: Deployment[] = [];
  for (const d of set.deployments) {
    if (d.component !== jobId || !succeeded(d)) continue;
    const commit = graph.bySha.get(graph.resolve(d.commit) ?? '');
    if (!commit) continue;
    if (repository !== undefined && commit.repository !== repository) return undefined;
    repository = commit.repository;
    const changed = new Set(commit.changedPaths.filter((p) => !p.status.startsWith('D')).map((p) => p.path));
    candidates = candidates ? new Set([...candidates].filter((p) => changed.has(p))) : changed;
    deployments.push(d);
  }
  if (repository === undefined || candidates?.size !== 1) return undefined;
  return { repository, path: [...candidates][0] as string, deployments };
}

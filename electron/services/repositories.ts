/**
 * The repositories the renderer may read, by handle (e.g. `sample:pipelines`): a handle resolves lazily to a
 * local Git folder, so `git:show` also works after a restart, before the sample is loaded again.
 */
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import type { GitShowRequest, GitShowResponse } from '../../shared/ipc/contract.js';
import { GitError, type GitRunner } from './git-runner.js';

export type RepositoryResolver = () => Promise<string>;

export interface Repositories {
  /** Registers (or replaces) the folder behind a handle. */
  register(handle: string, resolve: RepositoryResolver): void;
  /** Registers a lookup for handles not registered yet (e.g. the sample's, before the sample is loaded). */
  setFallback(resolve: (handle: string) => RepositoryResolver | undefined): void;
  /** The local folder of a handle; an Error naming the handle when it is unknown. */
  folder(handle: string): Promise<string>;
  /** `git log` in the format of shared/importers/git-log-format.ts. */
  log(folder: string): Promise<string>;
  /** A file's text at a commit, or null where the path does not name a file at that commit. */
  show(request: GitShowRequest): Promise<GitShowResponse>;
}

/** The repository registry over a git runner. */
export function createRepositories(git: GitRunner): Repositories {
  const resolvers = new Map<string, RepositoryResolver>();
  let fallback: (handle: string) => RepositoryResolver | undefined = () => undefined;

  async function folder(handle: string): Promise<string> {
    const resolve = resolvers.get(handle) ?? fallback(handle);
    if (!resolve) throw new Error(`Unknown repository "${handle}": load the files that name it first.`);
    return resolve();
  }

  return {
    register(handle, resolve) {
      resolvers.set(handle, resolve);
    },
    setFallback(resolve) {
      fallback = resolve;
    },
    folder,
    async log(cwd) {
      return (await git(GIT_LOG_ARGS, { cwd })).stdout;
    },
    async show({ repository, commit, path }) {
      const cwd = await folder(repository);
      try {
        await git(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], { cwd });
      } catch (error) {
        if (error instanceof GitError && !error.notInstalled) {
          throw new Error(`Commit ${commit} is not in repository "${repository}".`);
        }
        throw error;
      }
      const object = `${commit}:${path}`;
      try {
        const type = (await git(['cat-file', '-t', object], { cwd })).stdout.trim();
        if (type !== 'blob') return { text: null };
      } catch (error) {
        if (error instanceof GitError && error.exitCode === 128) return { text: null };
        throw error;
      }
      return { text: (await git(['show', '--no-textconv', object], { cwd })).stdout };
    },
  };
}

/**
 * Runs the system `git` with an argument array (never a shell). Injected into the services so tests
 * can run a real git on a temporary repository or replace it. Where no system git is installed (or
 * `LINEAGE_GIT_READER=isomorphic-git` asks for it), isomorphic-git answers the commands that read a repository.
 */
import { execFile } from 'node:child_process';
import { GIT_LOG_CONFIG } from '../../shared/importers/git-log-format.js';
import { readerFromEnvironment, runIsomorphicGit, type GitReader } from '../sources/git-isomorphic-runner.js';
import { GIT_SAFETY_OPTIONS, gitEnvironment, withoutDiffPrograms } from './git-safety.js';

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Which reader answered: the system git (`git-cli`, also when absent) or `isomorphic-git` in its place. */
  readonly reader?: GitReader;
}

/** An error from git: its exit code (null when git could not start) and what it printed. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly notInstalled: boolean,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** `git <args>` in `cwd`; resolves with its output, rejects with a GitError. */
export type GitRunner = (args: ReadonlyArray<string>, options?: { readonly cwd?: string }) => Promise<GitResult>;

/** Git history of a large repository is tens of megabytes; allow far more than execFile's 1 MiB default. */
export const GIT_MAX_BUFFER = 1024 * 1024 * 1024;

/**
 * A GitRunner over the system `git` (or `gitPath`), falling back to isomorphic-git where git is not installed;
 * `reader` forces one of them (default: `LINEAGE_GIT_READER`, else the system git when there is one).
 */
export function createGitRunner(gitPath = 'git', reader = readerFromEnvironment()): GitRunner {
  const cli = createCliRunner(gitPath);
  if (reader === 'isomorphic-git') return (args, options = {}) => runIsomorphicGit(args, options.cwd);
  if (reader === 'git-cli') return cli;
  return async (args, options = {}) => {
    try {
      return await cli(args, options);
    } catch (error) {
      if (error instanceof GitError && error.notInstalled) return runIsomorphicGit(args, options.cwd);
      throw error;
    }
  };
}

/**
 * A GitRunner over the system `git` only. Prompts and pagers are disabled so git never waits
 * for input, user configuration that would change the output of `git log` is overridden, and no program a
 * repository's configuration names is run (git-safety.ts).
 */
function createCliRunner(gitPath: string): GitRunner {
  return (args, options = {}) =>
    new Promise((resolvePromise, reject) => {
      const fullArgs = [...GIT_SAFETY_OPTIONS, ...GIT_LOG_CONFIG, ...withoutDiffPrograms(args)];
      execFile(
        gitPath,
        fullArgs,
        {
          cwd: options.cwd,
          maxBuffer: GIT_MAX_BUFFER,
          encoding: 'utf8',
          windowsHide: true,
          env: gitEnvironment(),
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolvePromise({ stdout, stderr, reader: 'git-cli' });
            return;
          }
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            reject(new GitError(`git is not installed or not on PATH (${gitPath}).`, null, '', true));
            return;
          }
          if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            reject(new GitError(`git ${args[0]} printed more than ${GIT_MAX_BUFFER} bytes.`, null, stderr, false));
            return;
          }
          const exitCode = typeof error.code === 'number' ? error.code : null;
          const detail = stderr.trim() || error.message;
          reject(
            new GitError(`git ${args[0] ?? ''} failed (exit ${exitCode ?? '?'}): ${detail}`, exitCode, stderr, false),
          );
        },
      );
    });
}

/**
 * Runs the system `git` with an argument array (never a shell). Injected into the services so tests
 * can run a real git on a temporary repository or replace it.
 */
import { execFile } from 'node:child_process';

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
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
 * A GitRunner over the system `git` (or `gitPath`). Prompts and pagers are disabled so git never waits
 * for input, and user configuration that would change the output of `git log` is overridden.
 */
export function createGitRunner(gitPath = 'git'): GitRunner {
  return (args, options = {}) =>
    new Promise((resolvePromise, reject) => {
      const fullArgs = [
        '-c',
        'color.ui=false',
        '-c',
        'log.showSignature=false',
        '-c',
        'core.quotePath=false',
        '-c',
        'i18n.logOutputEncoding=UTF-8',
        ...args,
      ];
      execFile(
        gitPath,
        fullArgs,
        {
          cwd: options.cwd,
          maxBuffer: GIT_MAX_BUFFER,
          encoding: 'utf8',
          windowsHide: true,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolvePromise({ stdout, stderr });
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

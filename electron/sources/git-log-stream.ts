/**
 * Runs `git log` (GIT_LOG_ARGS) as a child process and hands its output to `onText` as it arrives, so a long
 * history is parsed while git still writes it and never held whole. Same settings as services/git-runner.ts.
 * Where git is not installed (or `LINEAGE_GIT_READER=isomorphic-git`), isomorphic-git writes the same text.
 */
import { spawn } from 'node:child_process';
import { GIT_LOG_ARGS, GIT_LOG_CONFIG } from '../../shared/importers/git-log-format.js';
import { GIT_SAFETY_OPTIONS, gitEnvironment, withoutDiffPrograms } from '../services/git-safety.js';
import { isomorphicGitLog } from './git-isomorphic.js';
import { readerFromEnvironment, type GitReader } from './git-isomorphic-runner.js';

/** What reading a history did: the bytes read and which reader ran. */
export interface GitHistoryRead {
  readonly bytes: number;
  readonly reader: GitReader;
}

/** Streams `git log` in `cwd`; resolves with the bytes read, rejects naming git's exit code and stderr. */
export async function streamGitLog(cwd: string, onText: (text: string) => void, gitPath = 'git'): Promise<number> {
  return (await streamGitHistory(cwd, onText, gitPath)).bytes;
}

/** As streamGitLog, falling back to isomorphic-git where git is not installed; says which reader ran. */
export async function streamGitHistory(
  cwd: string,
  onText: (text: string) => void,
  gitPath = 'git',
  reader = readerFromEnvironment(),
): Promise<GitHistoryRead> {
  const isomorphic = async (): Promise<GitHistoryRead> => {
    const text = await isomorphicGitLog(cwd);
    if (text !== '') onText(text);
    return { bytes: Buffer.byteLength(text), reader: 'isomorphic-git' };
  };
  if (reader === 'isomorphic-git') return isomorphic();
  try {
    return { bytes: await spawnGitLog(cwd, onText, gitPath), reader: 'git-cli' };
  } catch (error) {
    if (reader === undefined && error instanceof GitMissing) return isomorphic();
    throw error;
  }
}

class GitMissing extends Error {}

function spawnGitLog(cwd: string, onText: (text: string) => void, gitPath: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(gitPath, [...GIT_SAFETY_OPTIONS, ...GIT_LOG_CONFIG, ...withoutDiffPrograms(GIT_LOG_ARGS)], {
      cwd,
      windowsHide: true,
      env: gitEnvironment(),
    });
    const decoder = new TextDecoder('utf-8', { fatal: false });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      onText(decoder.decode(chunk, { stream: true }));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new GitMissing(`git is not installed or not on PATH (${gitPath}).`)
          : new Error(error.message),
      ),
    );
    child.on('close', (code) => {
      const rest = decoder.decode();
      if (rest !== '') onText(rest);
      if (code === 0) resolvePromise(bytes);
      else reject(new Error(`git log failed (exit ${code ?? '?'}): ${stderr.trim()}`));
    });
  });
}

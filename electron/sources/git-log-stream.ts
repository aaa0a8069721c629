/**
 * Runs `git log` (GIT_LOG_ARGS) as a child process and hands its output to `onText` as it arrives, so a long
 * history is parsed while git still writes it and never held whole. Same settings as services/git-runner.ts.
 */
import { spawn } from 'node:child_process';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';

const CONFIG = ['-c', 'color.ui=false', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false'];

/** Streams `git log` in `cwd`; resolves with the bytes read, rejects naming git's exit code and stderr. */
export function streamGitLog(cwd: string, onText: (text: string) => void, gitPath = 'git'): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(gitPath, [...CONFIG, '-c', 'i18n.logOutputEncoding=UTF-8', ...GIT_LOG_ARGS], {
      cwd,
      windowsHide: true,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
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
      reject(new Error(error.code === 'ENOENT' ? `git is not installed or not on PATH (${gitPath}).` : error.message)),
    );
    child.on('close', (code) => {
      const rest = decoder.decode();
      if (rest !== '') onText(rest);
      if (code === 0) resolvePromise(bytes);
      else reject(new Error(`git log failed (exit ${code ?? '?'}): ${stderr.trim()}`));
    });
  });
}

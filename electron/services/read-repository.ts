/**
 * `git:readRepository`: a local Git repository the user named (a dropped folder the browser cannot read, or a
 * typed path) read as history with `git log` in the format the git-log importer parses. The path must be an
 * absolute, existing folder that is a repository; a shallow clone is read with a warning. Where no system git is
 * installed, isomorphic-git reads it (the git runner falls back) and the file says which reader ran.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import type { ReadRepositoryResponse } from '../../shared/ipc/contract.js';
import { GitError, type GitRunner } from './git-runner.js';
import type { Repositories } from './repositories.js';

/** The `git:show` handle of a local repository read by path. */
export const LOCAL_HANDLE_PREFIX = 'local:';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** True for a folder with `.git`, or a bare repository (HEAD, objects and refs). */
export async function isRepositoryFolder(dir: string): Promise<boolean> {
  if (await exists(join(dir, '.git'))) return true;
  const parts = await Promise.all(['HEAD', 'objects', 'refs'].map((p) => exists(join(dir, p))));
  return parts.every(Boolean);
}

/** Checks that `path` is an absolute folder holding a Git repository; returns it normalized or throws why not. */
export async function checkRepositoryPath(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new Error(`${path}: not an absolute path. Give the full path of the repository folder.`);
  const dir = resolve(path);
  const info = await stat(dir).catch(() => null);
  if (!info) throw new Error(`${dir}: no such folder.`);
  if (!info.isDirectory()) throw new Error(`${dir}: not a folder. Give the repository's folder, not a file in it.`);
  if (!(await isRepositoryFolder(dir))) {
    throw new Error(`${dir}: not a Git repository (it has no .git folder). Import its files instead.`);
  }
  return dir;
}

/** Reads a repository's history as an input file (derived as `git-log`) and registers it for `git:show`. */
export async function readRepository(
  git: GitRunner,
  repositories: Repositories,
  path: string,
): Promise<ReadRepositoryResponse> {
  const dir = await checkRepositoryPath(path);
  const warnings: string[] = [];
  let text: string;
  let reader: 'git-cli' | 'isomorphic-git' = 'git-cli';
  try {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'], { cwd: dir })).stdout.trim();
    if (shallow === 'true') {
      warnings.push(
        `${dir} is a shallow clone: its history stops early, so older commits (and changes in them) are missing. ` +
          'Run `git fetch --unshallow` there for the whole history.',
      );
    }
    const log = await git(GIT_LOG_ARGS, { cwd: dir });
    text = log.stdout;
    reader = log.reader ?? 'git-cli';
    if (reader === 'isomorphic-git') {
      warnings.push(`${dir} was read with isomorphic-git: no system git is installed here (install git for diffs).`);
    }
  } catch (error) {
    if (error instanceof GitError && error.notInstalled) throw new Error(`Cannot read ${dir}: ${error.message}`);
    const detail = error instanceof GitError ? error.stderr.trim() || error.message : String(error);
    if (/does not have any commits/.test(detail)) throw new Error(`${dir}: the repository has no commits yet.`);
    throw new Error(`Cannot read the Git history of ${dir}: ${detail}`);
  }
  const handle = `${LOCAL_HANDLE_PREFIX}${dir}`;
  repositories.register(handle, async () => checkRepositoryPath(dir));
  return {
    file: {
      name: basename(dir).replace(/\.git$/, '') || dir,
      sha256: createHash('sha256').update(text).digest('hex'),
      size: Buffer.byteLength(text),
      text,
      derivedAs: 'git-log',
      repository: handle,
      gitReader: reader,
    },
    warnings,
  };
}

/**
 * `origin:sha256` and `origin:commits`: re-checking, when a case is opened again, the sources its citations rest on.
 * A file is re-hashed where it was read (streamed, never loaded whole); a Git repository is asked whether each cited
 * commit is still there (`git cat-file -t`) — not for its log's hash, since a repository that gained commits still
 * holds every cited one.
 *
 * Which paths may be hashed: the renderer is untrusted (in web mode, anything holding the token), so a path it sends
 * is hashed only when it lies inside a folder the main process itself reads inputs from (the built-in sample's
 * folder) — an allow-list of roots rather than "any regular file", because even a file's hash lets a caller confirm
 * a guess of its contents or probe for its existence. Both the root and the path are resolved with `realpath`, so
 * `..` and symbolic links cannot step out of the root, and the path must then be a regular file. In the desktop app a
 * file the user dropped or picked is allowed too, exactly that file (`origin:register`, origin-check-files.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { IpcHandlers, OriginCommitsResponse, OriginHashResponse } from '../../shared/ipc/contract.js';
import type { UserFileList } from './origin-check-files.js';
import { GitError, type GitRunner } from './git-runner.js';
import type { Repositories } from './repositories.js';

export interface OriginCheckDependencies {
  /** Folders whose files the renderer may have imported by path (the sample folder). */
  readonly roots: ReadonlyArray<string>;
  readonly repositories: Pick<Repositories, 'folder'>;
  readonly git: GitRunner;
  /** The files the user dropped or picked (the desktop app only: absent in web mode, where there are no paths). */
  readonly userFiles?: UserFileList;
}

/** Thrown for a path outside every allowed root: the main process never reads it. */
export class PathNotAllowedError extends Error {
  override readonly name = 'PathNotAllowedError';
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** True when `path` lies inside `root` (both resolved), not the root itself. */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** `path` with its symbolic links resolved; for a file that is gone, its folder's (or, failing that, as written). */
async function realOrResolved(path: string): Promise<string> {
  const wanted = resolve(path);
  const real = await realpath(wanted).catch(() => undefined);
  if (real) return real;
  const dir = await realpath(dirname(wanted)).catch(() => dirname(wanted));
  return join(dir, basename(wanted));
}

/** The SHA-256 of a file's bytes, streamed. */
export function streamSha256(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}

/**
 * The SHA-256 of `path` now, when it lies inside one of `roots` or is a file the user provided (`userFiles`); null
 * with the reason when it is gone or not a regular file. Throws PathNotAllowedError for any other path (checked
 * before anything is read).
 */
export async function hashAllowedFile(
  roots: ReadonlyArray<string>,
  path: string,
  userFiles?: Pick<UserFileList, 'has'>,
): Promise<OriginHashResponse> {
  const real = await realOrResolved(path);
  const realRoots = await Promise.all(roots.map(realOrResolved));
  const provided = userFiles ? await userFiles.has(real) : false;
  if (!provided && !realRoots.some((root) => isInside(root, real))) {
    throw new PathNotAllowedError(
      `${path}: not a file this app read its inputs from; the main process re-hashes only files in its input ` +
        'folders and files the user dropped or picked in the desktop app.',
    );
  }
  const info = await stat(real).catch(() => undefined);
  if (!info) return { sha256: null, reason: `${path}: no such file.` };
  if (!info.isFile()) return { sha256: null, reason: `${path}: no longer a regular file.` };
  try {
    return { sha256: await streamSha256(real) };
  } catch (error) {
    return { sha256: null, reason: `${path}: cannot be read (${reasonOf(error)}).` };
  }
}

/** Which of `commits` the repository behind `handle` no longer holds (all of them when it cannot be opened). */
export async function missingCommits(
  deps: Pick<OriginCheckDependencies, 'repositories' | 'git'>,
  handle: string,
  commits: ReadonlyArray<string>,
): Promise<OriginCommitsResponse> {
  let cwd: string;
  try {
    cwd = await deps.repositories.folder(handle);
  } catch (error) {
    return { missing: [...commits], reason: `Repository "${handle}" cannot be opened: ${reasonOf(error)}` };
  }
  const missing: string[] = [];
  for (const commit of commits) {
    try {
      // `cat-file -t` rather than `-e`: it answers the same question, and isomorphic-git (no system git) knows it.
      const type = (await deps.git(['cat-file', '-t', commit], { cwd })).stdout.trim();
      if (type !== 'commit') missing.push(commit);
    } catch (error) {
      if (error instanceof GitError && error.notInstalled) throw error;
      missing.push(commit);
    }
  }
  return { missing };
}

/** Why `origin:register` refuses in web mode. */
export const NO_PATHS_IN_WEB_MODE =
  'In web mode the browser gives no file paths: files imported here are not re-checked when a case is reopened.';

/** The handlers of `origin:sha256`, `origin:commits` and `origin:register`. */
export function createOriginHandlers(
  deps: OriginCheckDependencies,
): Pick<IpcHandlers, 'origin:sha256' | 'origin:commits' | 'origin:register'> {
  return {
    async 'origin:sha256'({ path }) {
      return hashAllowedFile(deps.roots, path, deps.userFiles);
    },
    async 'origin:register'(request) {
      return deps.userFiles ? deps.userFiles.register(request) : { registered: false, reason: NO_PATHS_IN_WEB_MODE };
    },
    async 'origin:commits'({ repository, commits }) {
      return missingCommits(deps, repository, commits);
    },
  };
}

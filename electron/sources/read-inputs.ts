/**
 * Turns paths given on the command line (files, folders read recursively, Git repositories, git bundles) into
 * the `InputFile`s the importers read. A folder holding `.git` (or a bare repository) is read as Git history with
 * `git log`; a git bundle is cloned into the cache first. Hidden files and `node_modules` are skipped.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { InputFile } from '../../shared/ipc/contract.js';
import type { GitRunner } from '../services/git-runner.js';
import { createRepositories } from '../services/repositories.js';
import { createRepositoryCache } from '../services/repository-cache.js';

export interface ReadProblem {
  readonly path: string;
  readonly reason: string;
}

export interface ReadInputsResult {
  readonly files: ReadonlyArray<InputFile & { readonly path: string }>;
  /** Paths that could not be read at all (missing, unreadable, a broken repository). */
  readonly problems: ReadonlyArray<ReadProblem>;
  /** Repository handle → local folder, for diffs on demand. */
  readonly repositories: ReadonlyMap<string, string>;
}

const BUNDLE_SIGNATURE = /^# v[23] git bundle\n/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function isGitRepository(dir: string): Promise<boolean> {
  const exists = async (p: string) =>
    stat(p).then(
      () => true,
      () => false,
    );
  if (await exists(join(dir, '.git'))) return true;
  return (await exists(join(dir, 'HEAD'))) && (await exists(join(dir, 'objects'))) && (await exists(join(dir, 'refs')));
}

/** Reads every path into input files; never throws for one bad path (it is listed in `problems`). */
export async function readInputs(
  paths: ReadonlyArray<string>,
  options: { readonly git: GitRunner; readonly cacheDir: string },
): Promise<ReadInputsResult> {
  const repos = createRepositories(options.git);
  const cache = createRepositoryCache(options.git, options.cacheDir);
  const files: (InputFile & { path: string })[] = [];
  const problems: ReadProblem[] = [];
  const repositories = new Map<string, string>();

  const readGit = async (dir: string, name: string, hashOf: string) => {
    const text = await repos.log(dir);
    const handle = name;
    repositories.set(handle, dir);
    files.push({
      path: dir,
      name,
      sha256: hashOf,
      size: Buffer.byteLength(text),
      text,
      derivedAs: 'git-log',
      repository: handle,
    });
  };

  const visit = async (path: string, root: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      problems.push({ path, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    try {
      if (info.isDirectory()) {
        if (await isGitRepository(path)) {
          const head = (await options.git(['rev-parse', 'HEAD'], { cwd: path })).stdout.trim();
          await readGit(
            path,
            basename(resolve(path)).replace(/\.git$/, ''),
            sha256(Buffer.from(`${resolve(path)}@${head}`)),
          );
          return;
        }
        const entries = (await readdir(path)).filter((e) => !e.startsWith('.') && e !== 'node_modules').sort();
        for (const entry of entries) await visit(join(path, entry), root);
        return;
      }
      const bytes = await readFile(path);
      const hash = sha256(bytes);
      const name = relative(root, path) || basename(path);
      if (BUNDLE_SIGNATURE.test(bytes.subarray(0, 32).toString('latin1'))) {
        const dir = await cache.ensureClone(path, hash);
        await readGit(dir, basename(path).replace(/\.bundle$/, ''), hash);
        return;
      }
      files.push({ path, name, sha256: hash, size: bytes.length, text: new TextDecoder().decode(bytes) });
    } catch (error) {
      problems.push({ path, reason: error instanceof Error ? error.message : String(error) });
    }
  };

  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    await visit(p, info?.isDirectory() ? p : resolve(p, '..'));
  }
  return { files, problems, repositories };
}

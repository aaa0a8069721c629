/**
 * Turns paths given on the command line into the inputs to import: files (folders read recursively; hidden
 * files and `node_modules` skipped) and Git repositories (a folder holding `.git`, a bare repository, or a git
 * bundle, which is cloned into the cache first). A shallow clone is said so, since its history is cut short.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';
import type { GitRunner } from '../services/git-runner.js';
import { createRepositoryCache } from '../services/repository-cache.js';
import { hashFile } from './decode-stream.js';
import { repositorySize } from './repository-size.js';

export interface ReadProblem {
  readonly path: string;
  readonly reason: string;
}

export type ListedInput =
  | { readonly type: 'file'; readonly path: string; readonly name: string }
  | {
      readonly type: 'git';
      /** The folder git runs in (for a bundle: its clone in the cache). */
      readonly path: string;
      readonly name: string;
      /** The id of the history: the bundle's SHA-256, or a hash of the folder and its HEAD. */
      readonly sha256: string;
      /** The bundle file's size; for a folder, its Git directory's size on disk (repository-size.ts). */
      readonly size: number;
      readonly shallow: boolean;
      /** What was given: the folder or the bundle file. */
      readonly given: string;
    };

export interface ListedInputs {
  readonly inputs: ReadonlyArray<ListedInput>;
  readonly problems: ReadonlyArray<ReadProblem>;
}

const BUNDLE_SIGNATURE = /^# v[23] git bundle\n/;
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** True for a folder holding `.git`, or a bare repository. */
export async function isGitRepository(dir: string): Promise<boolean> {
  if (await exists(join(dir, '.git'))) return true;
  return (await exists(join(dir, 'HEAD'))) && (await exists(join(dir, 'objects'))) && (await exists(join(dir, 'refs')));
}

function startsLikeBundle(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(32);
    const n = readSync(fd, head, 0, 32, 0);
    return BUNDLE_SIGNATURE.test(head.subarray(0, n).toString('latin1'));
  } finally {
    closeSync(fd);
  }
}

/** Lists every input under the paths; never throws for one bad path (it is listed in `problems`). */
export async function listInputs(
  paths: ReadonlyArray<string>,
  options: { readonly git: GitRunner; readonly cacheDir: string },
): Promise<ListedInputs> {
  const cache = createRepositoryCache(options.git, options.cacheDir);
  const inputs: ListedInput[] = [];
  const problems: ReadProblem[] = [];
  const shallow = async (dir: string) =>
    (await options.git(['rev-parse', '--is-shallow-repository'], { cwd: dir })).stdout.trim() === 'true';

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
          const sha256 = createHash('sha256')
            .update(`${resolve(path)}@${head}`)
            .digest('hex');
          const name = basename(resolve(path)).replace(/\.git$/, '');
          const size = await repositorySize(path);
          inputs.push({ type: 'git', path, name, sha256, size, shallow: await shallow(path), given: path });
          return;
        }
        const entries = (await readdir(path)).filter((e) => !e.startsWith('.') && e !== 'node_modules').sort();
        for (const entry of entries) await visit(join(path, entry), root);
        return;
      }
      const name = relative(root, path) || basename(path);
      if (startsLikeBundle(path)) {
        const { sha256, size } = await hashFile(path);
        const dir = await cache.ensureClone(path, sha256);
        const repo = basename(path).replace(/\.bundle$/, '');
        inputs.push({ type: 'git', path: dir, name: repo, sha256, size, shallow: await shallow(dir), given: path });
        return;
      }
      inputs.push({ type: 'file', path, name });
    } catch (error) {
      problems.push({ path, reason: error instanceof Error ? error.message : String(error) });
    }
  };

  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    await visit(p, info?.isDirectory() ? p : resolve(p, '..'));
  }
  return { inputs, problems };
}

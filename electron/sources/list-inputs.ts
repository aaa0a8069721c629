/**
 * Turns paths given on the command line into the inputs to import: files (folders read recursively; hidden
 * files and `node_modules` skipped) and Git repositories (a folder holding `.git`, a bare repository, or a git
 * bundle, which is cloned into the cache first). A shallow clone is said so, since its history is cut short.
 * Symbolic links are resolved: a file or folder reached again (the same path given twice, a link to something
 * already listed) is listed once and named as a duplicate; a link back into a folder being read (a loop) is
 * refused, as is anything that is neither a file nor a folder (a FIFO, a device, a socket), which could be read
 * forever.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync, type Stats } from 'node:fs';
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

/** An input not read again: the same file as one listed before (by its real path), or the same bytes (SHA-256). */
export interface DuplicateInput {
  readonly path: string;
  /** The input read in its place (its path as listed). */
  readonly duplicateOf: string;
  /** Why: `the same file` (a link or the path given twice) or `the same bytes, SHA-256 …`. */
  readonly reason: string;
}

/** `PATH: duplicate of FIRST (the same file): read once`, as the CLI prints it. */
export const duplicateNote = (d: DuplicateInput) => `${d.path}: duplicate of ${d.duplicateOf} (${d.reason}): read once`;

export interface ListedInputs {
  readonly inputs: ReadonlyArray<ListedInput>;
  readonly problems: ReadonlyArray<ReadProblem>;
  readonly duplicates: ReadonlyArray<DuplicateInput>;
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
  const duplicates: DuplicateInput[] = [];
  /** Real path → the path it was first listed under. */
  const seen = new Map<string, string>();
  const shallow = async (dir: string) =>
    (await options.git(['rev-parse', '--is-shallow-repository'], { cwd: dir })).stdout.trim() === 'true';

  const visit = async (path: string, root: string, within: ReadonlySet<string>): Promise<void> => {
    let info;
    let real;
    try {
      const link = await lstat(path);
      real = await realpath(path);
      info = link.isSymbolicLink() ? await stat(real) : link;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({
        path,
        reason: code === 'ELOOP' ? 'a symbolic link loop: not followed' : `cannot read: ${code ?? String(error)}`,
      });
      return;
    }
    if (within.has(real)) {
      problems.push({ path, reason: `a symbolic link loop: leads back to ${real}, which is being read; not followed` });
      return;
    }
    const special = specialKind(info);
    if (special) {
      problems.push({ path, reason: `${special}, not a file or folder: not read` });
      return;
    }
    const first = seen.get(real);
    if (first !== undefined) {
      duplicates.push({ path, duplicateOf: first, reason: 'the same file' });
      return;
    }
    seen.set(real, path);
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
        // Links after the files and folders themselves, so a linked file is read under its own name.
        const entries = (await readdir(path, { withFileTypes: true }))
          .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
          .sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : 1))
          .map((e) => e.name);
        const inside = new Set(within).add(real);
        for (const entry of entries) await visit(join(path, entry), root, inside);
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
    await visit(p, info?.isDirectory() ? p : resolve(p, '..'), new Set());
  }
  return { inputs, problems, duplicates };
}

/** What a path that is neither a file nor a folder is, or undefined for a file or folder. */
export function specialKind(
  info: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>,
): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

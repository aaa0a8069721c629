/**
 * The size of a repository folder as an input: the bytes of its Git directory on disk (objects, packs, refs, …),
 * which is where its history lives — the `.git` folder of a work tree (or the folder `.git` names, and for a linked
 * work tree the common directory it shares), the folder itself for a bare repository. Its work-tree files are not
 * counted: they are one version of it, not the history the app reads.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The Git directory of a repository folder: `.git` (a folder, or a file naming one), else the folder. */
export function gitDirectory(folder: string): string {
  const dotGit = join(folder, '.git');
  const info = lstatSync(dotGit, { throwIfNoEntry: false });
  if (!info) return folder;
  if (info.isDirectory()) return dotGit;
  const named = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
  return named ? resolve(folder, named) : dotGit;
}

/** The bytes of every file under `dir` (symbolic links not followed). */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path);
    else if (entry.isFile()) total += (await lstat(path)).size;
  }
  return total;
}

/** The on-disk size of a repository's Git directory (with the common directory of a linked work tree). */
export async function repositorySize(folder: string): Promise<number> {
  const gitDir = gitDirectory(folder);
  const common = await readFile(join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
  const commonDir = common?.trim() ? resolve(gitDir, common.trim()) : undefined;
  const inside = commonDir !== undefined && resolve(gitDir).startsWith(`${resolve(commonDir)}/`);
  const own = inside ? 0 : await bytesUnder(gitDir);
  return own + (commonDir ? await bytesUnder(commonDir) : 0);
}

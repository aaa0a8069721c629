/**
 * A bundle holds folders and regular files only. A symbolic link, a FIFO, a device or a socket in a bag is named,
 * and `verify` reads nothing of that bag: a FIFO listed in a manifest would have it wait forever for bytes, and a link
 * would have it hash a file outside the bag (one that may change after it was checked).
 */
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Discrepancy } from './bagit-verify.js';

/** What an entry is, when it is neither a folder nor a regular file. */
function oddKind(e: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (e.isSymbolicLink()) return 'a symbolic link';
  if (e.isFIFO()) return 'a FIFO (named pipe)';
  if (e.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * Every entry of the bag (its root and every folder under it, links not followed) that is no folder or file, in
 * `refused`; every empty folder, which no manifest can cover and the bundle never writes, in `empty`.
 */
export async function oddBagEntries(dir: string): Promise<{ refused: Discrepancy[]; empty: Discrepancy[] }> {
  const found: Discrepancy[] = [];
  const empty: Discrepancy[] = [];
  const root = await lstat(dir).catch(() => undefined);
  if (root && !root.isDirectory() && !root.isSymbolicLink())
    return { refused: [{ file: dir, message: 'is not a folder: a bundle is a BagIt folder' }], empty };
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    if (entries.length === 0 && folder !== dir)
      empty.push({
        file: `${relative(dir, folder).split(sep).join('/')}/`,
        message: 'is an empty folder: no part of the bundle (covered by no manifest)',
      });
    for (const e of entries) {
      const full = join(folder, e.name);
      if (e.isDirectory()) await walk(full);
      else if (!e.isFile())
        found.push({
          file: relative(dir, full).split(sep).join('/'),
          message: `is ${oddKind(e)}, not a file: a bundle holds folders and regular files only (nothing more of it was read)`,
        });
    }
  };
  await walk(dir);
  return { refused: found, empty };
}

/**
 * A bundle holds folders and regular files only. A symbolic link, a FIFO, a device or a socket in a bag is named,
 * and `verify` reads nothing of that bag: a FIFO listed in a manifest would have it wait forever for bytes, and a link
 * would have it hash a file outside the bag (one that may change after it was checked). An empty folder is named too:
 * no manifest covers a folder, so its name could carry a message into a bag that still verifies.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { specialKind } from '../sources/list-inputs.js';
import type { Discrepancy } from './bagit-verify.js';

/**
 * Every entry of the bag (its root and every folder under it, links not followed) that is no folder or file, in
 * `refused`; every empty folder, which no manifest can cover and the bundle never writes, in `empty`.
 */
export async function oddBagEntries(dir: string): Promise<{ refused: Discrepancy[]; empty: Discrepancy[] }> {
  const refused: Discrepancy[] = [];
  const empty: Discrepancy[] = [];
  const root = await lstat(dir).catch(() => undefined);
  if (root && !root.isDirectory() && !root.isSymbolicLink())
    return { refused: [{ file: dir, message: 'is not a folder: a bundle is a BagIt folder' }], empty: [] };
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
        refused.push({
          file: relative(dir, full).split(sep).join('/'),
          message: `is ${e.isSymbolicLink() ? 'a symbolic link' : specialKind(e)}, not a file: a bundle holds folders and regular files only (nothing more of it was read)`,
        });
    }
  };
  await walk(dir);
  return { refused, empty };
}

/**
 * The distinct files of a folder read in place. An export job run again writes a day's file a second time under
 * another name: a byte-identical copy that every count would read twice. As for imported files, a file is known by
 * its SHA-256 and a copy is read once — cheaply: only files whose size another file shares are hashed (streamed).
 */
import { stat } from 'node:fs/promises';
import { sha256File } from '../bundle/hashing.js';
import type { DuplicateInput } from '../sources/list-inputs.js';

export interface DistinctFiles {
  /** The files to read, in the order given, a copy left out. */
  readonly files: ReadonlyArray<string>;
  /** Each file left out, and the file it repeats (the first of its bytes, in the order given). */
  readonly copies: ReadonlyArray<DuplicateInput>;
}

/** Groups of the paths with the same key (`keys[i]` is `paths[i]`'s), in the order given. */
function groupBy(paths: ReadonlyArray<string>, keys: ReadonlyArray<string | number>) {
  const groups = new Map<string | number, string[]>();
  for (const [i, path] of paths.entries()) {
    const k = keys[i] as string | number;
    const group = groups.get(k);
    if (group) group.push(path);
    else groups.set(k, [path]);
  }
  return [...groups.entries()];
}

/** `paths` without the files whose bytes are an earlier file's (SHA-256), with what each left-out file repeats. */
export async function distinctFiles(paths: ReadonlyArray<string>): Promise<DistinctFiles> {
  const copies: DuplicateInput[] = [];
  const left = new Set<string>();
  const sizes = await Promise.all(paths.map(async (p) => (await stat(p)).size));
  for (const [, sameSize] of groupBy(paths, sizes)) {
    if (sameSize.length < 2) continue;
    // One at a time: a folder may hold many files of one size, each read whole.
    const hashes: string[] = [];
    for (const p of sameSize) hashes.push((await sha256File(p)).hash);
    for (const [hash, same] of groupBy(sameSize, hashes)) {
      const [first, ...rest] = same as [string, ...string[]];
      for (const path of rest) {
        left.add(path);
        copies.push({ path, duplicateOf: first, reason: `the same bytes, SHA-256 ${hash}` });
      }
    }
  }
  return { files: paths.filter((p) => !left.has(p)), copies };
}

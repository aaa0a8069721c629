/**
 * What may stand at an evidence bundle's root (RFC 8493 §2): the tag files this app writes, the payload folder and
 * the signature. Anything else is named — an extra tag file is covered by no manifest, and an extra manifest
 * (another algorithm, RFC 8493 §2.1.3 and §2.2.1) would be one `verify` does not check.
 */
import { readdir } from 'node:fs/promises';
import type { Discrepancy } from './bagit-verify.js';
import type { ManifestLine } from './bagit-files.js';

/** The tag files the tag manifest must list, each once. */
export const TAG_FILES = ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt'] as const;

/** Files at the root that are no tag files: the tag manifest itself and the signature (bundle-signature.ts). */
export const ROOT_FILES = new Set<string>(['tagmanifest-sha256.txt', ...TAG_FILES]);

/** Names every entry at the bag's root that this app never writes there. */
export async function checkBagRoot(dir: string, extra: ReadonlySet<string>, found: Discrepancy[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (name === 'data' && entry.isDirectory()) continue;
    if (ROOT_FILES.has(name) || extra.has(name)) {
      if (!entry.isFile()) found.push({ file: name, message: 'is not a regular file' });
      continue;
    }
    if (/^(tag)?manifest-[A-Za-z0-9]+\.txt$/.test(name))
      found.push({
        file: name,
        message: 'is a manifest this bundle never writes: its hashes are not checked, and it is no part of the bundle',
      });
    else
      found.push({
        file: name,
        message: `is at the bag's root but is no part of the bundle (covered by no manifest)`,
      });
  }
}

/** The tag manifest must list every tag file once, and nothing else. */
export function checkTagManifestCoverage(lines: ReadonlyArray<ManifestLine>, found: Discrepancy[]): void {
  const file = 'tagmanifest-sha256.txt';
  for (const tag of TAG_FILES) {
    const count = lines.filter((l) => l.path === tag).length;
    if (count === 0) found.push({ file, message: `does not list ${tag}: its hash is checked by nothing` });
    if (count > 1) found.push({ file, message: `lists ${tag} ${count} times` });
  }
  for (const l of lines)
    if (!(TAG_FILES as ReadonlyArray<string>).includes(l.path))
      found.push({ file, message: `line ${l.line} lists ${l.path}, which is no tag file of this bundle` });
}

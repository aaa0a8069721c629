/**
 * A report pseudonymized after it was sealed (the app's export) must anchor what the bundle carries: the
 * re-chained activity log's hashes instead of the original ones, and the digests of the pseudonymized excerpts
 * instead of the originals' (which would also let anyone confirm a guessed subject id). Each original hash in the
 * report is swapped for its counterpart.
 */
import type { ActivityEntry } from '../../shared/case/case-types.js';
import { excerptDigests } from '../../shared/report/report-anchors.js';
import { sha256Hex } from './hashing.js';
import { pseudonymizeText } from './pseudonymize.js';
import type { BundlePseudonymization } from './export-bundle.js';

/** Original hash → the hash the pseudonymized bundle carries in its place. */
export async function pseudonymizedHashes(
  original: ReadonlyArray<ActivityEntry>,
  rechained: ReadonlyArray<ActivityEntry>,
  excerpts: ReadonlyArray<{ readonly text: string }>,
  p: BundlePseudonymization,
): Promise<Map<string, string>> {
  const swaps = new Map<string, string>();
  original.forEach((e, i) => {
    const to = rechained[i]?.hash;
    if (to && to !== e.hash) swaps.set(e.hash, to);
  });
  for (const e of excerpts) {
    const before = await excerptDigests(e.text, sha256Hex);
    const after = await excerptDigests(pseudonymizeText(e.text, p.subjectIds, p.pseudonym), sha256Hex);
    before.forEach((d, i) => {
      const to = after[i]?.sha256;
      if (to && to !== d.sha256) swaps.set(d.sha256, to);
    });
  }
  return swaps;
}

/** Swaps every original hash in a text for its pseudonymized counterpart. */
export function swapHashes(text: string, swaps: ReadonlyMap<string, string>): string {
  return swaps.size === 0 ? text : text.replace(/[0-9a-f]{64}/g, (h) => swaps.get(h) ?? h);
}

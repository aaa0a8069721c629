/**
 * The report's own hash, printed on every page. A report is rendered with the placeholder `{{REPORT-SHA256}}`
 * wherever its hash goes; its hash is the SHA-256 of that rendering (UTF-8), and sealing replaces every
 * placeholder with the hash. To check a report: take the hash it prints after `Report SHA-256: `, replace every
 * occurrence of that hash in the text by the placeholder, and hash the result — it must give the same hash.
 */
import type { Sha256 } from '../case/case-types';

export const REPORT_HASH_PLACEHOLDER = '{{REPORT-SHA256}}';
export const REPORT_HASH_LABEL = 'Report SHA-256: ';

/** Seals a rendering that holds the placeholder: returns the text with the hash in place, and the hash. */
export async function sealReport(unsealed: string, sha256: Sha256): Promise<{ text: string; hash: string }> {
  if (!unsealed.includes(REPORT_HASH_PLACEHOLDER)) throw new Error('The report holds no hash placeholder.');
  const hash = await sha256(unsealed);
  return { text: unsealed.split(REPORT_HASH_PLACEHOLDER).join(hash), hash };
}

export type SealVerdict =
  | { readonly ok: true; readonly hash: string }
  | { readonly ok: false; readonly reason: string; readonly expected?: string; readonly actual?: string };

/** Checks a sealed report's printed hash against its content. */
export async function verifyReportSeal(text: string, sha256: Sha256): Promise<SealVerdict> {
  const at = text.indexOf(REPORT_HASH_LABEL);
  const printed = at < 0 ? undefined : /^[0-9a-f]{64}/.exec(text.slice(at + REPORT_HASH_LABEL.length))?.[0];
  if (!printed) return { ok: false, reason: `the report prints no "${REPORT_HASH_LABEL.trim()}" hash` };
  const actual = await sha256(text.split(printed).join(REPORT_HASH_PLACEHOLDER));
  return actual === printed
    ? { ok: true, hash: printed }
    : { ok: false, reason: 'the report was changed after it was sealed', expected: printed, actual };
}

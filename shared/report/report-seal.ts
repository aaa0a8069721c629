/**
 * The report's own hash, printed on every page. A report is rendered with the placeholder `{{REPORT-SHA256}}`
 * wherever its hash goes; its hash is the SHA-256 of that rendering (UTF-8), and sealing replaces every
 * placeholder with the hash. To check a report: read the hash from its own place — in HTML the line
 * `<meta name="report-sha256" content="…">` of the head, in Markdown the footer's line `Report SHA-256: …` (the
 * last line that is only that) — replace every occurrence of it in the text by the placeholder, and hash the
 * result: it must give the same hash. Imported text is escaped and never starts a line of its own, so a name such
 * as `Report SHA-256: 000…` cannot stand in for the seal.
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

const HTML_SEAL = /^<meta name="report-sha256" content="([0-9a-f]{64})">$/;
const MARKDOWN_SEAL = new RegExp(`^${REPORT_HASH_LABEL}([0-9a-f]{64})$`);

/**
 * The hash a sealed report prints in its seal's own place: the HTML head's `report-sha256` meta line (before
 * `</head>`), or the Markdown footer's `Report SHA-256: <hex>` line. Undefined when there is none.
 */
export function readReportSeal(text: string): string | undefined {
  const lines = text.split('\n');
  if (/^<!doctype html>/i.test(text)) {
    const head = lines.slice(
      0,
      Math.max(
        0,
        lines.findIndex((l) => l.includes('</head>')),
      ),
    );
    for (const line of head) {
      const m = HTML_SEAL.exec(line);
      if (m) return m[1];
    }
    return undefined;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = MARKDOWN_SEAL.exec((lines[i] as string).replace(/\r$/, ''));
    if (m) return m[1];
  }
  return undefined;
}

/** Checks a sealed report's printed hash (read from its seal's place, `readReportSeal`) against its content. */
export async function verifyReportSeal(text: string, sha256: Sha256): Promise<SealVerdict> {
  const printed = readReportSeal(text);
  if (!printed) return { ok: false, reason: `the report prints no "${REPORT_HASH_LABEL.trim()}" seal in its place` };
  const actual = await sha256(text.split(printed).join(REPORT_HASH_PLACEHOLDER));
  return actual === printed
    ? { ok: true, hash: printed }
    : { ok: false, reason: 'the report was changed after it was sealed', expected: printed, actual };
}

/**
 * What a sealed report anchors, in a block a program reads back (`verify`): the case id, the activity log's head
 * (entry count and last chained hash), the signer's key fingerprint, and the SHA-256 of every cited line or JSON
 * pointer as the evidence bundle carries it. One line each:
 *
 *     case <case id, percent-encoded>
 *     activity-log <entries> <last hash, or 64 zeros for an empty log>
 *     signer ed25519 sha256:<fingerprint>
 *     cited <source SHA-256> line <n> <SHA-256>
 *     cited <source SHA-256> pointer <JSON pointer, percent-encoded> <SHA-256>
 *     query <source SHA-256> <query SHA-256> <rows> <rows' SHA-256>
 *
 * A cited item's SHA-256 is over the canonical JSON of its excerpt entry (`{line, text}`, `{pointer, value}`, or in
 * the app's excerpts `{line|pointer, record}`), so the same digest is computed from a whole source file and from its
 * excerpt. A `query` line anchors a query the case's decisions came from, of a decision log read in place (the
 * source's SHA-256 is that of its location): the SHA-256 of its canonical JSON `{params, text}`, how many rows it
 * returned and the SHA-256 of those rows (shared/warehouse/row-encoding.ts) — the numbers `sources.json` lists and
 * `verify` re-runs. The block sits in the HTML report as `<pre class="evidence-anchors">` and in the Markdown report as a
 * fenced block of info string `evidence-anchors`: imported text is escaped in both (`<` and backticks), so no
 * imported name can open or close it.
 */
import { GENESIS_HASH } from '../case/activity-log';
import type { ActivityEntry, Sha256 } from '../case/case-types';
import { canonicalJson } from '../case/canonical-json';

/** The SHA-256 of one cited line or JSON pointer of a source, as the bundle carries it. */
export interface CitedDigest {
  /** The source file's SHA-256 at import. */
  readonly source: string;
  readonly line?: number;
  readonly pointer?: string;
  readonly sha256: string;
}

/** A query a decision log read in place answered, as the report anchors it. */
export interface QueryDigest {
  /** The SHA-256 of the log's location (its source id). */
  readonly source: string;
  /** The SHA-256 of the query's canonical JSON `{params, text}`. */
  readonly query: string;
  readonly rows: number;
  /** The SHA-256 of the rows' canonical encoding. */
  readonly sha256: string;
}

export interface ReportAnchors {
  readonly caseId: string;
  readonly activityEntries: number;
  readonly activityHead: string;
  /** `sha256:<hex>` of the signer's public key (SPKI DER), when the report was made for a signed bundle. */
  readonly signer?: string;
  readonly cited: ReadonlyArray<CitedDigest>;
  readonly queries?: ReadonlyArray<QueryDigest>;
}

export const HTML_ANCHORS_OPEN = '<pre class="evidence-anchors">';
export const MARKDOWN_ANCHORS_OPEN = '```evidence-anchors';

/** The head of an activity log: its entry count and last hash (64 zeros when it is empty). */
export function activityHead(activity: ReadonlyArray<Pick<ActivityEntry, 'hash'>>): {
  readonly entries: number;
  readonly hash: string;
} {
  return { entries: activity.length, hash: activity[activity.length - 1]?.hash ?? GENESIS_HASH };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Percent-encoding that leaves only `A-Z a-z 0-9 - _ .` as is, so the block never needs HTML or Markdown escapes. */
function pct(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The anchors as the block's lines (no fence). */
export function formatAnchors(a: ReportAnchors): string {
  const lines = [`case ${pct(a.caseId)}`, `activity-log ${a.activityEntries} ${a.activityHead}`];
  if (a.signer) lines.push(`signer ed25519 ${a.signer}`);
  for (const c of [...a.cited].sort(compareCited))
    lines.push(
      c.line !== undefined
        ? `cited ${c.source} line ${c.line} ${c.sha256}`
        : `cited ${c.source} pointer ${pct(c.pointer ?? '')} ${c.sha256}`,
    );
  for (const q of a.queries ?? []) lines.push(`query ${q.source} ${q.query} ${q.rows} ${q.sha256}`);
  return lines.join('\n');
}

function compareCited(a: CitedDigest, b: CitedDigest): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.line !== undefined && b.line !== undefined) return a.line - b.line;
  if (a.line !== undefined) return -1;
  if (b.line !== undefined) return 1;
  const p = a.pointer ?? '';
  const q = b.pointer ?? '';
  return p < q ? -1 : p > q ? 1 : 0;
}

/** Parses the block's lines; a malformed line is named by its number in the block. */
export function parseAnchors(block: string): { anchors: ReportAnchors } | { error: string } {
  let caseId: string | undefined;
  let head: { entries: number; hash: string } | undefined;
  let signer: string | undefined;
  const cited: CitedDigest[] = [];
  const queries: QueryDigest[] = [];
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const parts = (lines[i] as string).split(' ');
    const bad = { error: `line ${i + 1} of the anchors is not understood: ${JSON.stringify(lines[i])}` };
    const [kind, a, b, c, d] = parts;
    try {
      if (kind === 'case' && parts.length === 2) caseId = decodeURIComponent(a as string);
      else if (kind === 'activity-log' && parts.length === 3 && /^\d+$/.test(a as string) && HEX64.test(b as string))
        head = { entries: Number(a), hash: b as string };
      else if (kind === 'signer' && parts.length === 3 && a === 'ed25519' && /^sha256:[0-9a-f]{64}$/.test(b as string))
        signer = b;
      else if (kind === 'cited' && parts.length === 5 && HEX64.test(a as string) && HEX64.test(d as string)) {
        if (b === 'line' && /^\d+$/.test(c as string))
          cited.push({ source: a as string, line: Number(c), sha256: d as string });
        else if (b === 'pointer')
          cited.push({ source: a as string, pointer: decodeURIComponent(c as string), sha256: d as string });
        else return bad;
      } else if (
        kind === 'query' &&
        parts.length === 5 &&
        HEX64.test(a as string) &&
        HEX64.test(b as string) &&
        /^\d+$/.test(c as string) &&
        HEX64.test(d as string)
      )
        queries.push({ source: a as string, query: b as string, rows: Number(c), sha256: d as string });
      else return bad;
    } catch {
      return bad;
    }
  }
  if (caseId === undefined) return { error: 'the anchors name no case' };
  if (!head) return { error: 'the anchors hold no activity-log head' };
  return {
    anchors: {
      caseId,
      activityEntries: head.entries,
      activityHead: head.hash,
      signer,
      cited,
      ...(queries.length > 0 && { queries }),
    },
  };
}

/** The anchors block of a sealed report (HTML or Markdown, told by its first line), or why there is none. */
export function readReportAnchors(text: string): { anchors: ReportAnchors } | { error: string } {
  const html = /^<!doctype html>/i.test(text);
  const open = html ? HTML_ANCHORS_OPEN : MARKDOWN_ANCHORS_OPEN;
  const close = html ? '</pre>' : '```';
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (l === open ? [i] : []));
  if (starts.length === 0) return { error: 'the report holds no evidence anchors' };
  if (starts.length > 1) return { error: `the report holds ${starts.length} blocks of evidence anchors` };
  const start = starts[0] as number;
  const end = lines.indexOf(close, start + 1);
  if (end < 0) return { error: "the report's evidence anchors are not closed" };
  // Every value in the block is hex, a number or percent-encoded: nothing in it is escaped in either rendering.
  return parseAnchors(lines.slice(start + 1, end).join('\n'));
}

/**
 * The digests of an excerpt (JSON Lines: a header naming the source's SHA-256, then one entry per cited line or
 * pointer): each entry's canonical JSON hashed. Entries that are neither are skipped.
 */
export async function excerptDigests(excerpt: string, sha256: Sha256): Promise<CitedDigest[]> {
  const lines = excerpt.split('\n').filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as { sha256?: unknown };
  if (typeof header.sha256 !== 'string') throw new Error('the excerpt has no header naming its source SHA-256');
  const out: CitedDigest[] = [];
  for (const raw of lines.slice(1)) {
    const entry = JSON.parse(raw) as { line?: unknown; pointer?: unknown };
    const digest = await sha256(canonicalJson(entry));
    if (typeof entry.line === 'number') out.push({ source: header.sha256, line: entry.line, sha256: digest });
    else if (typeof entry.pointer === 'string')
      out.push({ source: header.sha256, pointer: entry.pointer, sha256: digest });
  }
  return out;
}

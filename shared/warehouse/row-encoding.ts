/**
 * The canonical encoding of the rows a warehouse query returned, so their SHA-256 can be cited in an evidence bundle
 * and recomputed when the query is run again. Each row is one line: the canonical JSON of the row (object keys sorted
 * by UTF-16 code units, no whitespace — shared/case/canonical-json.ts) after a time is written as its RFC 3339 UTC
 * instant with milliseconds (`2026-03-02T09:15:00.000Z`), a whole number past 2^53 as its digits, bytes as lowercase
 * hex, and a number that is not finite as `null`. The lines are sorted (UTF-16 code units), each ends with `\n`, and
 * the digest is over their UTF-8 bytes: the same rows give the same digest in whatever order the engine returns them.
 */
import { canonicalJson } from '../case/canonical-json';

/** A value as the encoding writes it (see the module comment). */
function plain(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** One row as its line of the encoding, without the line ending. */
export const rowLine = (row: Readonly<Record<string, unknown>>): string => canonicalJson(plain(row));

/** The rows' lines, sorted: the text (each line followed by `\n`) whose SHA-256 a bundle cites. */
export function encodedRows(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  return rows.map(rowLine).sort();
}

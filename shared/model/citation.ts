/**
 * How a record's place in its file is written for people. A record read from a whole JSON document (a file holding
 * one OpenLineage event) has the empty JSON pointer `""` (RFC 6901: the whole document); it is written out, so a
 * citation never ends in a bare `file.json:` that looks like a line number went missing.
 */
import type { Provenance } from './records';

/** The whole-document pointer as words. */
export const WHOLE_DOCUMENT = 'JSON pointer "" (the whole document)';

/** A JSON pointer as cited: itself (`/Records/3`), or the whole-document pointer in words. */
export const pointerText = (pointer: string): string => (pointer === '' ? WHOLE_DOCUMENT : pointer);

/** A citation as the CLI's JSON gives it: the file and its line, or the file and its JSON pointer. */
export interface CitationJson {
  readonly source: string;
  readonly line?: number | null;
  readonly pointer?: string;
}

/** `{source, line}` for a line (with `pointer` when it has one too), `{source, pointer}` for a place in a document. */
export function citationJson(p: Provenance, source: string): CitationJson {
  if (p.line === undefined && p.pointer !== undefined) return { source, pointer: p.pointer };
  return { source, line: p.line ?? null, ...(p.pointer !== undefined && { pointer: p.pointer }) };
}

/** `file:12`, `file:12 /0`, `file /Records/3`, `file, JSON pointer "" (the whole document)`, or `file`. */
export function citationText(c: CitationJson): string {
  const line = c.line !== undefined && c.line !== null ? `:${c.line}` : '';
  if (c.pointer === undefined) return `${c.source}${line}`;
  if (c.pointer === '') return `${c.source}${line}, ${WHOLE_DOCUMENT}`;
  return `${c.source}${line} ${c.pointer}`;
}

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

/**
 * Several records' citations as one list, each file named once for the lines cited in it: `events.ndjson:482, 486;
 * config.bundle:84` (`short`, the app's form) or `events.ndjson lines 482, 486; config.bundle line 84` (`words`, the
 * report's). Files in the order first cited, lines in the order given (each once); a record cited by a JSON pointer
 * keeps its own citation after its file's lines.
 */
export function citationList(
  records: ReadonlyArray<Provenance>,
  nameOf: (sourceId: string) => string,
  form: 'short' | 'words' = 'short',
): string {
  const files = new Map<string, { lines: number[]; others: Provenance[] }>();
  for (const p of records) {
    const file = files.get(p.sourceId) ?? { lines: [], others: [] };
    files.set(p.sourceId, file);
    if (p.line !== undefined && p.pointer === undefined) {
      if (!file.lines.includes(p.line)) file.lines.push(p.line);
    } else file.others.push(p);
  }
  const one = (name: string, p: Provenance) =>
    form === 'short'
      ? citationText(citationJson(p, name))
      : `${name}${p.line !== undefined ? ` line ${p.line}` : ''}${p.pointer !== undefined ? ` ${pointerText(p.pointer)}` : ''}`;
  return [...files]
    .flatMap(([id, { lines, others }]) => {
      const name = nameOf(id);
      const listed = lines.join(', ');
      const head = !lines.length
        ? []
        : form === 'short'
          ? [`${name}:${listed}`]
          : [`${name} ${lines.length === 1 ? 'line' : 'lines'} ${listed}`];
      return [...head, ...others.map((p) => one(name, p))];
    })
    .join('; ');
}

/**
 * Cited excerpts of a source file: the lines (or JSON pointers) a case cites, with the file's name and the
 * SHA-256 it had at import. Read as a stream, so a large decision log is never held whole.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CitedSource } from '../../shared/case/citations.js';

const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** The excerpt as JSON Lines: a header `{source, sha256}` then `{line, text}` or `{pointer, value}` per citation. */
export async function excerptOf(source: CitedSource, path: string): Promise<string> {
  const out: string[] = [JSON.stringify({ source: source.name, sha256: source.sha256 })];
  if (source.lines.length > 0) {
    const wanted = new Set(source.lines);
    const last = source.lines[source.lines.length - 1] as number;
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const text of lines) {
      n++;
      if (wanted.has(n)) out.push(JSON.stringify({ line: n, text }));
      if (n >= last) break;
    }
    lines.close();
  }
  if (source.pointers.length > 0) {
    const size = (await stat(path)).size;
    const doc = size <= MAX_JSON_BYTES ? (JSON.parse(await readFile(path, 'utf8')) as unknown) : undefined;
    for (const pointer of source.pointers)
      out.push(
        JSON.stringify(
          doc === undefined
            ? { pointer, unresolved: 'file too large to excerpt' }
            : { pointer, value: resolvePointer(doc, pointer) ?? null },
        ),
      );
  }
  return `${out.join('\n')}\n`;
}

/** Resolves an RFC 6901 JSON pointer (undefined when it leads nowhere). */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let at: unknown = doc;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

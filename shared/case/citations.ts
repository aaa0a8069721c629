/**
 * Citations of a case: the source files its findings rest on, each with the SHA-256 it had when imported.
 * Re-opening a case re-hashes them; a citation whose file changed (or is gone) no longer proves anything.
 */
import { countOf } from '../model/count-words';
import type { Provenance } from '../model/records';

export interface CitedSource {
  /** SHA-256 of the file's bytes at import (the record's `provenance.sourceId`). */
  readonly sha256: string;
  /** The file's name as imported. */
  readonly name: string;
  /** Where it was read from, when the case knows (a path on this machine). */
  readonly path?: string;
  /** The lines (or JSON pointers) cited in it, ascending. */
  readonly lines: ReadonlyArray<number>;
  readonly pointers: ReadonlyArray<string>;
}

export interface CitationProblem {
  readonly source: CitedSource;
  readonly expected: string;
  /** The file's SHA-256 now, or undefined when it cannot be read. */
  readonly actual: string | undefined;
  readonly message: string;
}

/** Groups provenances by source file, with the lines and pointers cited in each. */
export function citedSources(
  provenances: Iterable<Provenance | undefined>,
  names: Readonly<Record<string, string>>,
  paths: Readonly<Record<string, string>> = {},
): CitedSource[] {
  const bySource = new Map<string, { lines: Set<number>; pointers: Set<string> }>();
  for (const p of provenances) {
    if (!p) continue;
    const entry = bySource.get(p.sourceId) ?? { lines: new Set<number>(), pointers: new Set<string>() };
    if (p.line !== undefined) entry.lines.add(p.line);
    if (p.pointer !== undefined) entry.pointers.add(p.pointer);
    bySource.set(p.sourceId, entry);
  }
  return [...bySource.entries()]
    .map(([sha256, e]) => ({
      sha256,
      name: names[sha256] ?? sha256,
      ...(paths[sha256] !== undefined && { path: paths[sha256] }),
      lines: [...e.lines].sort((a, b) => a - b),
      pointers: [...e.pointers].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `1 citation in it no longer matches`, `3 citations in it no longer match`. */
const stale = (n: number) => `${countOf(n, 'citation')} in it no longer ${n === 1 ? 'matches' : 'match'}`;

/**
 * Compares each cited file's recorded SHA-256 with its hash now (`currentHash` returns undefined when the file
 * cannot be read). Returns the citations that no longer match, each naming the file, expected and actual hash.
 */
export async function checkCitations(
  sources: ReadonlyArray<CitedSource>,
  currentHash: (source: CitedSource) => Promise<string | undefined> | string | undefined,
): Promise<CitationProblem[]> {
  const problems: CitationProblem[] = [];
  for (const source of sources) {
    const actual = await currentHash(source);
    if (actual === source.sha256) continue;
    const where = source.path ?? source.name;
    problems.push({
      source,
      expected: source.sha256,
      actual,
      message:
        actual === undefined
          ? `${where}: cited source cannot be read (expected SHA-256 ${source.sha256})`
          : `${where}: cited source changed on disk (expected SHA-256 ${source.sha256}, actual ${actual}); ` +
            stale(source.lines.length + source.pointers.length),
    });
  }
  return problems;
}

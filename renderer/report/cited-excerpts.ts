/**
 * The cited excerpts of an open case for its evidence bundle. The app keeps the records it imported, not the
 * files' text, so an excerpt holds, for each cited line or JSON pointer, the record imported from it (with its
 * provenance): JSON Lines, a header `{source, sha256, excerpt}` then `{line|pointer, record}` per citation.
 */
import type { CitedSource } from '../../shared/case/citations';
import type { BundleExcerpt } from '../../shared/ipc/contract';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Provenance } from '../../shared/model/records';

const citationKey = (sourceId: string, at: number | string) => `${sourceId}\u0000${at}`;

/** Every record of the evidence set by its (source, line) and (source, pointer). */
function recordsByCitation(evidence: EvidenceSet): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const list of Object.values(evidence) as ReadonlyArray<ReadonlyArray<{ provenance?: Provenance }>>) {
    for (const record of list) {
      const p = record.provenance;
      if (!p) continue;
      if (p.line !== undefined) index.set(citationKey(p.sourceId, p.line), record);
      if (p.pointer !== undefined) index.set(citationKey(p.sourceId, p.pointer), record);
    }
  }
  return index;
}

/** The excerpts of the cited sources, with how many records each source brought. */
export function citedExcerpts(
  evidence: EvidenceSet,
  cited: ReadonlyArray<CitedSource>,
  recordCounts: Readonly<Record<string, number>>,
): BundleExcerpt[] {
  const index = recordsByCitation(evidence);
  return cited.map((source) => {
    const lines = [
      JSON.stringify({
        source: source.name,
        sha256: source.sha256,
        excerpt: 'the records imported from the cited lines and JSON pointers of this file',
      }),
      ...source.lines.map((line) =>
        JSON.stringify({ line, record: index.get(citationKey(source.sha256, line)) ?? null }),
      ),
      ...source.pointers.map((pointer) =>
        JSON.stringify({ pointer, record: index.get(citationKey(source.sha256, pointer)) ?? null }),
      ),
    ];
    return {
      name: source.name,
      sha256: source.sha256,
      records: recordCounts[source.sha256] ?? 0,
      lines: source.lines,
      pointers: source.pointers,
      text: `${lines.join('\n')}\n`,
    };
  });
}

const TOKEN = /[A-Za-z0-9_.@+-]+/g;

/** The subject ids of the evidence's decisions that occur, as whole tokens, in these texts (to pseudonymize). */
export function subjectIdsIn(evidence: EvidenceSet, texts: ReadonlyArray<string>): string[] {
  const subjects = new Set<string>();
  for (const d of evidence.decisions) if (d.subjectId) subjects.add(d.subjectId);
  const found = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(TOKEN)) if (subjects.has(m[0])) found.add(m[0]);
  return [...found].sort();
}

/** How the steps name evidence: a record as "file:line" (or "file pointer"), and each kind of suspect change. */
import { useMemo } from 'react';
import type { SuspectKind } from '../../shared/analysis/engine-types';
import type { Provenance } from '../../shared/model/records';
import { selectSources, useInvestigation } from '../stores/investigation-store';
import { pointerText } from '../../shared/model/citation';

/** A record's citation: its source file's name and the line (JSONL, git log) or JSON pointer it was read from. */
export function citation(p: Provenance, sourceName: (sourceId: string) => string): string {
  const name = sourceName(p.sourceId);
  if (p.line !== undefined) return `${name}:${p.line}`;
  return p.pointer !== undefined ? `${name} ${pointerText(p.pointer)}` : name;
}

/** The open case's source names by id (a short hash where a source is not in the case). */
export function useSourceName(): (sourceId: string) => string {
  const sources = useInvestigation(selectSources);
  return useMemo(() => {
    const names = new Map(sources.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? `source ${id.slice(0, 12)}`;
  }, [sources]);
}

/** What each kind of suspect is, in the investigator's words. */
export const SUSPECT_KIND_LABEL: Readonly<Record<SuspectKind, string>> = {
  commit: 'Commit',
  audit: 'Configuration edit (audit log)',
  deployment: 'Deployment',
  schema: 'Schema change',
};

/** A count with its noun, pluralized ("1 decision", "717 decisions"; "1 entry", "2 entries" with the plural given). */
export { countOf } from '../../shared/model/count-words';

/** A share as a percentage with one decimal. */
export const percent = (part: number, whole: number): string =>
  whole > 0 ? `${((part / whole) * 100).toFixed(1)} %` : '—';

/** A row of label, field and button (the stylesheet stacks labels and stretches inputs by default). */
export const INLINE_FORM = { display: 'flex', alignItems: 'center', gap: '0.5rem', flexWrap: 'wrap' } as const;
export const INLINE_LABEL = { display: 'inline', margin: 0 } as const;

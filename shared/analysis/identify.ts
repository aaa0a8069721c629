import type { Decision } from '../model/records';

function haystack(d: Decision): string {
  const label =
    d.output && typeof d.output === 'object' && 'label' in d.output
      ? String((d.output as { label: unknown }).label)
      : '';
  return [d.decisionId, d.subjectId, d.model.name, d.model.version, d.action, d.environment, label]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/**
 * Finds decisions whose id, subject, model, model version, action, environment or output label contain
 * every word of the query (case-insensitive). Newest first; an empty query lists the newest.
 */
export function searchDecisions(decisions: ReadonlyArray<Decision>, query: string, limit = 500): Decision[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: Decision[] = [];
  for (let i = decisions.length - 1; i >= 0 && found.length < limit; i--) {
    const d = decisions[i] as Decision;
    if (words.length === 0) {
      found.push(d);
      continue;
    }
    const text = haystack(d);
    if (words.every((w) => text.includes(w))) found.push(d);
  }
  return found;
}

/** The change ids a root-cause statement can name: the ranked changes of the open case's analysis, best first. */
import type { DerivedResults } from '../stores/derive';

export interface ChangeSuggestion {
  readonly id: string;
  readonly summary: string;
}

/** Up to `limit` ranked changes as (id, summary). */
export function changeSuggestions(results: DerivedResults, limit = 8): ChangeSuggestion[] {
  return (results.changes?.changes ?? []).slice(0, limit).map((c) => ({ id: c.id, summary: c.summary }));
}

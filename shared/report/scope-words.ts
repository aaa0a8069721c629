/**
 * The scope's counts as the report writes them in words: a count with its noun in the singular or the plural as
 * English reads it (never "decision(s)"), and no subject count where the decision log records no subject at all —
 * "0 subjects" would read as counted when nothing was there to count.
 */
import type { ScopeResult } from '../analysis/types';
import { countOf } from '../model/count-words';

/** Whether the decisions in scope carry no subject id (the log does not record subjects). */
export function subjectsUnrecorded(s: Pick<ScopeResult, 'decisions' | 'subjects'>): boolean {
  return s.decisions > 0 && s.subjects === 0;
}

/** `3 decisions of 2 subjects`, or `3 decisions (the decision log does not record their subjects)`. */
export function decisionsAndSubjects(s: Pick<ScopeResult, 'decisions' | 'subjects'>, joiner = ' of '): string {
  const decisions = countOf(s.decisions, 'decision');
  if (!subjectsUnrecorded(s)) return `${decisions}${joiner}${countOf(s.subjects, 'subject')}`;
  return `${decisions} (the decision log does not record ${s.decisions === 1 ? 'its subject' : 'their subjects'})`;
}
